import { formatHours, formatMoney } from '@quantities/index';
import type { PlanCard } from '@contract/index';
import ProgressBar from '@atlaskit/progress-bar';
import { useSurfaceContext } from '../context/SurfaceContextProvider';
import { forecastText } from '../format/forecast';
import { percentOf } from '../format/percent';
import { ActiveAlerts } from './ActiveAlerts';
import { Banner } from './Banner';
import { Stats, type Stat } from './Stats';

function thresholdMessage(card: PlanCard): string | null {
  if (card.thresholdState === 'exhausted') {
    return card.overageSeconds > 0
      ? `The plan is exhausted: work beyond it is billed as overage.`
      : 'The plan is exhausted: no covered hours are left this period.';
  }
  const highest = card.thresholdsCrossed.at(-1);
  return card.thresholdState === 'warning' && highest !== undefined ? `${highest}% of this period's hours are used.` : null;
}

/** This period of one plan: remaining hours, a bar, the figures, overage and the threshold warning. */
export function PlanBalance({ card, headingLevel = 3 }: { card: PlanCard; headingLevel?: 2 | 3 }) {
  const { locale } = useSurfaceContext();
  const hours = (seconds: number) => formatHours(seconds, locale);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="sh-stack" aria-label={`${card.planName} balance`}>
      <Heading>
        {card.planName} <span className="sh-subtle">· {card.period.label}</span>
      </Heading>
      {card.refreshing ? (
        <p className="sh-subtle" role="status" data-testid="refreshing">
          Updating with the latest changes…
        </p>
      ) : null}
      {card.kind === 'pay-as-you-go' ? (
        <p className="sh-headline" data-testid="billed">
          {hours(card.usedCoveredSeconds)} <span className="sh-subtle">billed · {formatMoney(card.totalMinor, card.currency, locale)}</span>
        </p>
      ) : (
        <BucketBalance card={card} hours={hours} />
      )}
      <ActiveAlerts card={card} />
    </section>
  );
}

/** Included hours and blocks: what is left, the bar, the figures and the threshold warning. */
function BucketBalance({ card, hours }: { card: PlanCard; hours: (seconds: number) => string }) {
  const { locale } = useSurfaceContext();
  const warning = thresholdMessage(card);
  const stats: Stat[] = [
    { label: 'Used', value: hours(card.usedCoveredSeconds) },
    { label: 'Available', value: hours(card.availableSeconds) },
    { label: 'Days left', value: String(card.daysLeft) },
    { label: 'Forecast', value: forecastText(card, locale) },
  ];
  if (card.overageSeconds > 0) {
    stats.push({ label: 'Overage', value: `${hours(card.overageSeconds)} · ${formatMoney(card.overageMinor, card.currency, locale)}` });
  }
  return (
    <>
      <p className="sh-headline" data-testid="remaining">
        {hours(card.remainingSeconds)} <span className="sh-subtle">remaining</span>
      </p>
      <ProgressBar
        ariaLabel={`${card.planName}: ${hours(card.usedCoveredSeconds)} of ${hours(card.availableSeconds)} covered hours used this period`}
        value={percentOf(card.usedCoveredSeconds, card.availableSeconds) / 100}
      />
      <Stats items={stats} />
      {warning === null ? null : <Banner appearance={card.thresholdState === 'exhausted' ? 'error' : 'warning'}>{warning}</Banner>}
    </>
  );
}
