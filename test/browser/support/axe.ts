import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import * as z from 'zod';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const violationsSchema = z.array(z.object({ id: z.string(), impact: z.string().nullable(), help: z.string(), nodes: z.number() }));
export type AxeViolation = z.infer<typeof violationsSchema>[number];

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) inside a frame and answers its violations. Every rule still runs; only the
 * violations are collected in full (`resultTypes`): the details of what passed, which nothing reads, cost a third of
 * Chromium's CPU for a run on the project page.
 */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  // Half a megabyte through Playwright's connection and compiled again: only where the document has no axe yet.
  if ((await frame.evaluate('typeof axe')) === 'undefined') await frame.evaluate(AXE_SOURCE);
  const result: unknown = await frame.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.length })))`);
  return violationsSchema.parse(result);
}
