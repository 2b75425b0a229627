import type { PlanCard } from '@contract/index';
import SectionMessage from '@atlaskit/section-message';
import { useSurfaceContext } from '../context/SurfaceContextProvider';
import { formatDate } from '../format/dates';

/**
 * The threshold alerts raised this period and still true: one line each, with when it was
 * raised, on which issue's work, and whether the plan's recipients were emailed (or the email failed).
 */
export function ActiveAlerts({ card }: { card: PlanCard }) {
  const { locale } = useSurfaceContext();
  const alerts = card.activeAlerts ?? [];
  if (alerts.length === 0) return null;
  return (
    <section data-testid="active-alerts" aria-label={`${card.planName} threshold alerts`}>
      <SectionMessage appearance="warning">
        <ul className="sh-alert-list">
          {alerts.map((alert) => (
            <li key={alert.percent}>
              Alert: {alert.percent}% of {alert.periodLabel}'s hours reached on {formatDate(alert.raisedAt, card.timeZone, locale)}
              {alert.issueKey === null ? '' : ` by work on ${alert.issueKey}`}
              {alert.delivered ? ' · the plan’s contacts were emailed' : ''}
              {alert.emailFailure === null ? '' : ' · the email could not be sent (the project settings say why)'}.
            </li>
          ))}
        </ul>
      </SectionMessage>
    </section>
  );
}
