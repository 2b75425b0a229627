import * as z from 'zod';
import { candidateListSchema } from '../input/candidates';
import { MAX_ADVICE_PERIODS } from '../input/limits';
import { planIdSchema } from './plans';
import { chargeLineSchema } from './statement';

const seconds = z.int().min(0);

/** The ledger's `AdviceFigures` (src/ledger/advice-figures.ts); the use case's answer is checked against it by type. */

const advisedPeriodSchema = z.object({
  period: z.string(),
  includedSeconds: seconds,
  carriedInSeconds: seconds,
  purchasedSeconds: seconds,
  availableSeconds: seconds,
  usedCoveredSeconds: seconds,
  overageSeconds: seconds,
  extraSeconds: seconds,
  charges: z.array(chargeLineSchema),
  totalMinor: z.int(),
});

const columnFields = {
  totalMinor: z.int(),
  overageSeconds: seconds,
  periodsWithOverage: z.int().min(0),
  periods: z.array(advisedPeriodSchema),
};

const adviceFiguresSchema = z.object({
  periods: z.array(z.string()),
  paid: z.object(columnFields),
  candidates: z.array(z.object({ name: z.string(), differenceMinor: z.int(), ...columnFields })),
  cheapest: z.int().min(0).nullable(),
});

export const adviceContract = {
  /**
   * Plan-fit advice: the plan's last `periods` complete periods (default 12) replayed under each candidate's terms,
   * beside what their statements charged (decision 0062). Candidates as in a candidates file.
   */
  'usage/advice': {
    payload: z.strictObject({
      planId: planIdSchema,
      periods: z
        .int()
        .min(1, { error: 'must be at least 1' })
        .max(MAX_ADVICE_PERIODS, { error: `must be at most ${MAX_ADVICE_PERIODS}` })
        .optional(),
      candidates: candidateListSchema,
    }),
    result: adviceFiguresSchema.extend({
      planName: z.string(),
      currency: z.string(),
      periodUnit: z.enum(['month', 'quarter', 'year']),
    }),
  },
} as const;

export type AdviceAnswer = z.infer<(typeof adviceContract)['usage/advice']['result']>;
export type AdviceRequest = z.input<(typeof adviceContract)['usage/advice']['payload']>;
