import type { ThresholdState } from '@contract/index';
import { percentOf } from '../format/hours';

interface ProgressBarProps {
  readonly label: string;
  readonly used: number;
  readonly available: number;
  /** What a screen reader hears, e.g. "12 h of 40 h used". */
  readonly valueText: string;
  readonly state: ThresholdState;
}

export function ProgressBar({ label, used, available, valueText, state }: ProgressBarProps) {
  const percent = percentOf(used, available);
  return (
    <div
      className="sh-progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      data-state={state}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}
