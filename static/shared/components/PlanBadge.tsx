import type { PlanCard } from '@contract/index';
import { badgeOf } from '../format/badge';

/** The plan's badge on its card: see `badgeOf`. */
export function PlanBadge({ card }: { card: PlanCard }) {
  const badge = badgeOf(card);
  return (
    <span className="sh-lozenge" data-state={badge.tone}>
      {badge.label}
    </span>
  );
}
