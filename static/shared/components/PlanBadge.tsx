import type { PlanCard } from '@contract/index';
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { type Badge, badgeOf } from '../format/badge';

const LOZENGE_APPEARANCE = { ok: 'success', warning: 'moved', exhausted: 'removed' } as const;

/** What each badge means, on hover and on keyboard focus. */
const MEANING: Record<Badge['label'], string> = {
  'On track': 'The forecast lasts the period and no alert threshold is crossed.',
  'At risk': 'At the current pace the covered hours run out before the period ends.',
  Warning: "An alert threshold of this period's hours is crossed.",
  Exhausted: 'No covered hours are left this period.',
};

/** The plan's badge on its card (see `badgeOf`), with what it means as a tooltip. */
export function PlanBadge({ card }: { card: PlanCard }) {
  const badge = badgeOf(card);
  return (
    <Tooltip content={MEANING[badge.label]}>
      {(tooltip) => (
        // Focusable so keyboard users get the tooltip too.
        <span {...tooltip} tabIndex={0} data-testid="plan-badge">
          <Lozenge appearance={LOZENGE_APPEARANCE[badge.tone]}>{badge.label}</Lozenge>
        </span>
      )}
    </Tooltip>
  );
}
