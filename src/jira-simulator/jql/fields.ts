import { badRequest } from '../http';
import { nextLocalDayStart, parseJqlDate } from '../jira-time';
import { ORGANIZATIONS_FIELD_ID, type SimIssue } from '../model';
import type { SiteStore } from '../store';

/** An issue property indexed for search, as a `jira:entityProperty` module declares it. */
export interface IndexedProperty {
  readonly propertyKey: string;
  /** Path of the value inside the property's JSON object. */
  readonly path: string;
  readonly searchAlias: string;
}

export interface JqlSite {
  readonly store: SiteStore;
  /** IANA zone in which JQL dates are read. */
  readonly timeZone: string;
  readonly indexedProperties: readonly IndexedProperty[];
}

/** A half-open range `[from, to)`: a point `n` is `[n, n + 1)`, a day is its first and next midnight. */
export interface Range {
  readonly from: number;
  readonly to: number;
}

/** Matched by `=`, `!=`, `in`, `not in` and `is [not] EMPTY`. */
export interface EqualityField {
  readonly kind: 'equality';
  readonly valuesOf: (issue: SimIssue) => readonly string[];
  readonly normalize: (literal: string) => string;
}

/** Also matched by `>`, `>=`, `<`, `<=`. */
export interface OrderedField {
  readonly kind: 'ordered';
  readonly valuesOf: (issue: SimIssue) => readonly number[];
  readonly rangeOf: (literal: string) => Range;
}

/** Matched by `~` and `!~` (contains, case-insensitive). */
export interface TextField {
  readonly kind: 'text';
  readonly textOf: (issue: SimIssue) => string;
}

export type JqlField = EqualityField | OrderedField | TextField;

const lowerCase = (literal: string): string => literal.toLowerCase();

/** Resolves a JQL field name to how it reads an issue; 400 for fields outside the subset. */
export function resolveField(name: string, site: JqlSite): JqlField {
  const lower = name.toLowerCase();
  const property = propertyField(name, site);
  if (property) return property;
  switch (lower) {
    case 'project':
      return projectField(site);
    case 'issuetype':
    case 'type':
      return {
        kind: 'equality',
        valuesOf: (issue) => {
          const type = site.store.issueType(issue.issueTypeId);
          return type ? [type.id, type.name.toLowerCase()] : [];
        },
        normalize: lowerCase,
      };
    case 'key':
    case 'issuekey':
      return { kind: 'equality', valuesOf: (issue) => [issue.key.toLowerCase(), issue.id], normalize: lowerCase };
    case 'id':
      return { kind: 'ordered', valuesOf: (issue) => [Number(issue.id)], rangeOf: (literal) => pointRange(literal, name) };
    case 'summary':
      return { kind: 'text', textOf: (issue) => issue.summary };
    case 'created':
    case 'createddate':
      return instantField(name, site, (issue) => issue.created);
    case 'updated':
    case 'updateddate':
      return instantField(name, site, (issue) => issue.updated);
    case 'worklogdate':
      return {
        kind: 'ordered',
        valuesOf: (issue) => site.store.worklogsOf(issue.id).map((stored) => stored.startedMs),
        rangeOf: (literal) => {
          const from = dateLiteral(literal, name, site.timeZone);
          return { from, to: nextLocalDayStart(from, site.timeZone) };
        },
      };
    case 'worklogauthor':
      return {
        kind: 'equality',
        valuesOf: (issue) => site.store.worklogsOf(issue.id).map((stored) => stored.worklog.authorAccountId),
        normalize: (literal) => literal,
      };
    case 'organizations':
    case ORGANIZATIONS_FIELD_ID:
    case `cf[${ORGANIZATIONS_FIELD_ID.slice('customfield_'.length)}]`:
      return organizationsField(site);
    default:
      throw badRequest(`Field '${name}' does not exist or you do not have permission to view it.`);
  }
}

function projectField(site: JqlSite): EqualityField {
  return {
    kind: 'equality',
    valuesOf: (issue) => {
      const project = site.store.project(issue.projectId);
      return project ? [project.id, project.key.toLowerCase(), project.name.toLowerCase()] : [];
    },
    normalize: (literal) => {
      const project = site.store.project(literal) ?? site.store.allProjects().find((p) => p.name.toLowerCase() === literal.toLowerCase());
      if (!project) throw badRequest(`The value '${literal}' does not exist for the field 'project'.`);
      return project.id;
    },
  };
}

/** JSM's Organizations field: matched by organisation id or name. */
function organizationsField(site: JqlSite): EqualityField {
  return {
    kind: 'equality',
    valuesOf: (issue) => issue.organizationIds ?? [],
    normalize: (literal) => {
      const lower = literal.toLowerCase();
      const organization =
        site.store.organization(literal) ?? site.store.allOrganizations().find((candidate) => candidate.name.toLowerCase() === lower);
      if (!organization) throw badRequest(`The value '${literal}' does not exist for the field 'Organizations'.`);
      return organization.id;
    },
  };
}

const PROPERTY_PATH = /^issue\.property\[([^\]]+)\]\.(.+)$/;

function propertyField(name: string, site: JqlSite): EqualityField | null {
  const match = PROPERTY_PATH.exec(name);
  const indexed = match
    ? site.indexedProperties.find((entry) => entry.propertyKey === match[1] && entry.path === match[2])
    : site.indexedProperties.find((entry) => entry.searchAlias.toLowerCase() === name.toLowerCase());
  if (!indexed) return null;
  return {
    kind: 'equality',
    valuesOf: (issue) => {
      const value = readPath(issue.properties[indexed.propertyKey], indexed.path);
      return typeof value === 'string' ? [value] : [];
    },
    normalize: (literal) => literal,
  };
}

function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.getOwnPropertyDescriptor(current, segment)?.value;
  }
  return current;
}

function instantField(name: string, site: JqlSite, instantOf: (issue: SimIssue) => number): OrderedField {
  return {
    kind: 'ordered',
    valuesOf: (issue) => [instantOf(issue)],
    rangeOf: (literal) => {
      const instant = dateLiteral(literal, name, site.timeZone);
      return { from: instant, to: instant + 1 };
    },
  };
}

function pointRange(literal: string, field: string): Range {
  const value = Number(literal);
  if (!Number.isSafeInteger(value)) throw badRequest(`The value '${literal}' is not a valid number for the field '${field}'.`);
  return { from: value, to: value + 1 };
}

function dateLiteral(literal: string, field: string, timeZone: string): number {
  const instant = parseJqlDate(literal, timeZone);
  if (instant === null) {
    throw badRequest(
      `Date value '${literal}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd'.`,
    );
  }
  return instant;
}
