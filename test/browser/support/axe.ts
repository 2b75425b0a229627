import { readFileSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import * as z from 'zod';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const violationsSchema = z.array(z.object({ id: z.string(), impact: z.string().nullable(), help: z.string(), nodes: z.number() }));
export type AxeViolation = z.infer<typeof violationsSchema>[number];

/** Runs axe-core (WCAG 2.1 A and AA rules) inside a frame and answers its violations. */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(AXE_SOURCE);
  const result: unknown = await frame.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.length })))`);
  return violationsSchema.parse(result);
}
