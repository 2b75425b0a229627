import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from '../../src/ledger';

/** A small bucket plan: 10 h a month in Berlin, 15-minute rounding, overage at 100.00 EUR/h, extra at 150.00 EUR/h. */
export function planDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tiny',
    name: 'Tiny plan',
    kind: 'buckets',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    startDate: '2026-10-01',
    rounding: { incrementSeconds: 900, minimumSeconds: 900 },
    thresholdsPercent: [80],
    extraRateMinor: 15000,
    allowance: { includedSeconds: 36000, fixedFeeMinor: 50000 },
    blocks: [{ id: 'bank', purchasedOn: '2026-10-01', seconds: 3600, priceMinor: 9000 }],
    overageRateMinor: 10000,
    ...overrides,
  };
}

export function linksDocument(): Record<string, unknown>[] {
  return [
    { issueId: '1001', issueKey: 'TINY-1', planId: 'tiny', billingClass: 'covered' },
    { issueId: '1002', issueKey: 'TINY-2', planId: 'tiny', billingClass: 'extra' },
    { issueId: '1003', planId: 'tiny', billingClass: 'non-billable' },
  ];
}

export function worklog(id: string, issueId: string, started: string, timeSpentSeconds: number): Record<string, unknown> {
  return {
    id,
    issueId,
    started,
    timeSpentSeconds,
    author: { accountId: `agent-${Number(id) % 2}`, displayName: `Agent ${Number(id) % 2}` },
    updated: '2026-11-02T08:00:00.000+0100',
  };
}

/** 12.25 h covered once rounded (1.25 h overage beyond the 10 h allowance and the 1 h bank), 1.25 h extra, 20 min non-billable, across the DST change. */
export function worklogsArray(): Record<string, unknown>[] {
  return [
    worklog('1', '1001', '2026-10-05T09:00:00.000+0200', 6 * 3600),
    worklog('2', '1001', '2026-10-12T09:00:00.000+0200', 5 * 3600 + 50 * 60),
    worklog('3', '1002', '2026-10-13T09:00:00.000+0200', 70 * 60),
    worklog('4', '1003', '2026-10-14T09:00:00.000+0200', 20 * 60),
    worklog('5', '1001', '2026-10-26T09:00:00.000+0100', 5 * 60),
  ];
}

export function pageOf(worklogs: readonly unknown[], startAt = 0): Record<string, unknown> {
  return { startAt, maxResults: 5000, total: worklogs.length, worklogs };
}

/** Writes JSON documents into a fresh temp folder and returns their paths by name. */
export function writeDocuments<Name extends string>(documents: Record<Name, unknown>): Record<Name, string> {
  const folder = mkdtempSync(join(tmpdir(), 'support-hours-cli-'));
  const entries = Object.entries<unknown>(documents).map(([name, document]) => {
    const path = join(folder, `${name}.json`);
    writeFileSync(path, typeof document === 'string' ? document : JSON.stringify(document));
    return [name, path] as const;
  });
  return Object.fromEntries(entries) as Record<Name, string>;
}

/** The CLI's JSON statement: the ledger's statement with its figures unchanged (the `<field>Iso` twins are not in the type). */
export function statementJson(stdout: string): Statement {
  return JSON.parse(stdout) as Statement;
}
