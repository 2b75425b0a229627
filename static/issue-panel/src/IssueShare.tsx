import { formatHours } from '@quantities/index';
import type { IssueUsage } from '@contract/index';
import { Stats } from '../../shared/components/Stats';
import { useSurfaceContext } from '../../shared/context/SurfaceContextProvider';

/** This issue's hours: counted against the plan (after rounding) this period and since the plan began. */
export function IssueShare({ period, allTime }: { period: IssueUsage; allTime: IssueUsage }) {
  const { locale } = useSurfaceContext();
  return (
    <section aria-label="This issue's hours">
      <h3>This issue</h3>
      <Stats
        items={[
          { label: 'This period', value: formatHours(period.roundedSeconds, locale) },
          { label: 'All time', value: formatHours(allTime.roundedSeconds, locale) },
          { label: 'Worklogs this period', value: String(period.worklogCount) },
        ]}
      />
    </section>
  );
}
