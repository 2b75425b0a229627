import { ForgeTransport, JiraAdapter } from '../../adapters/jira';
import { systemClock } from '../../app/ports/clock';
import { forgeStore } from '../forge-store';
import { createTransitionValidator, VALIDATOR_JIRA_CLIENT } from './transition-validator';

/** The hard stop's workflow validator as Forge calls it (see `manifest.yml`): Jira as the app, with the validator's short retries. */
export const onTransitionValidate = createTransitionValidator(() => ({
  jira: new JiraAdapter(new ForgeTransport('app'), VALIDATOR_JIRA_CLIENT),
  store: forgeStore(),
  clock: systemClock,
}));
