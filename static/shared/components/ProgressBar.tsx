import type { ThresholdState } from '@contract/index';

interface ProgressBarProps {
  readonly label: string;
  /** 0–100. */
  readonly percent: number;
  /** What a screen reader hears, e.g. "12 h of 40 h used". */
  readonly valueText: string;
  readonly state?: ThresholdState;
}

export function ProgressBar({ label, percent, valueText, state = 'ok' }: ProgressBarProps) {
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
