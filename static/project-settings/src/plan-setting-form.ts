import type { StoredPlan } from '@contract/index';

/** What every form of one plan setting (customer access, organisations, hard stop) is given: the plan as read, and what to do after. */
export interface PlanSettingFormProps {
  readonly stored: StoredPlan;
  /** The plan as the write answered it. */
  readonly onSaved: (stored: StoredPlan) => void;
  readonly onCancel: () => void;
}
