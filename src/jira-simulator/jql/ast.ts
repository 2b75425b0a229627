export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~';

export type Clause =
  | { readonly kind: 'compare'; readonly field: string; readonly operator: ComparisonOperator; readonly value: string }
  | { readonly kind: 'in'; readonly field: string; readonly negated: boolean; readonly values: readonly string[] }
  | { readonly kind: 'empty'; readonly field: string; readonly negated: boolean };

export type Expression =
  | Clause
  | { readonly kind: 'and' | 'or'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'not'; readonly operand: Expression };

export interface SortKey {
  readonly field: string;
  readonly direction: 'ASC' | 'DESC';
}

export interface Query {
  /** null: every issue the caller may browse. */
  readonly where: Expression | null;
  readonly orderBy: readonly SortKey[];
}
