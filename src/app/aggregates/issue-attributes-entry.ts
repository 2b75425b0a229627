import type { IssueAttributes } from '../../ledger/types';
import { attributesOf, withAttributes, type IssueEntry } from './aggregate-codec';
import { withAttributeChange, withAttributesSeen, type AttributeChange } from './attribute-history';

/** What an issue event says of the issue's priority and types: the values it shows, and the changes it reports. */
export interface AttributeNews {
  readonly seen?: IssueAttributes;
  readonly changes?: readonly AttributeChange[];
}

/** The entry with the news kept in its history; the entry itself when there is none. */
export function withAttributeChanges(entry: IssueEntry, news: AttributeNews | undefined): IssueEntry {
  if (news === undefined) return entry;
  const seen = news.seen === undefined ? attributesOf(entry) : withAttributesSeen(attributesOf(entry), news.seen);
  return withAttributes(entry, (news.changes ?? []).reduce(withAttributeChange, seen));
}
