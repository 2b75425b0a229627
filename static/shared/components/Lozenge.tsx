import type { ThresholdState } from '@contract/index';

const LABELS: Record<ThresholdState, string> = { ok: 'On track', warning: 'Warning', exhausted: 'Exhausted' };

export function ThresholdLozenge({ state }: { state: ThresholdState }) {
  return (
    <span className="sh-lozenge" data-state={state}>
      {LABELS[state]}
    </span>
  );
}
