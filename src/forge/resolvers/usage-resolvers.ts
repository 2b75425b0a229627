import type Resolver from '@forge/resolver';
import { gadgetConfigurationSchema, type HandlerDataOf } from '../../contract';
import { invalid, type UseCaseOutcome } from '../../app/refusal';
import { planStatement, planStatementPage } from '../../app/usage/period-statement';
import { planAdvice } from '../../app/usage/plan-advice';
import { gadgetCard, planHistory, projectOverview } from '../../app/usage/plan-usage';
import { parseDocument } from '../../input/result';
import { asGadgetProjectReader, asProjectReader, projectOf } from './access';
import type { CallContext } from './call-context';
import { defineResolver } from './define-resolver';
import { readBesideAccess } from './reads-beside-access';
import type { BackendServices } from './services';

function isUnconfigured(configuration: unknown): boolean {
  return configuration === undefined || configuration === null || (typeof configuration === 'object' && Object.keys(configuration).length === 0);
}

async function gadget(services: BackendServices, context: CallContext): Promise<UseCaseOutcome<HandlerDataOf<'usage/gadget'>>> {
  const saved = context.extension.gadgetConfiguration;
  if (isUnconfigured(saved)) return { ok: true, data: { configured: false } };
  const configuration = parseDocument(gadgetConfigurationSchema, saved);
  if (!configuration.ok) return invalid('gadgetConfiguration', { what: 'gadget-configuration', fields: configuration.issues });
  const read = await readBesideAccess(services, asGadgetProjectReader(services, context, configuration.value.projectKey), (ports) => gadgetCard(ports, configuration.value));
  return read.ok ? read.data.answer : read;
}

export function defineUsageResolvers(resolver: Resolver, services: BackendServices): void {
  defineResolver(resolver, 'usage/statement', async ({ payload, context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? planStatement(services, reader.data.project, payload) : reader;
  });

  defineResolver(resolver, 'usage/statementPage', async ({ payload, context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? planStatementPage(services, reader.data.project, payload) : reader;
  });

  defineResolver(resolver, 'usage/history', async ({ payload, context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? planHistory(services, reader.data.project, payload) : reader;
  });

  defineResolver(resolver, 'usage/advice', async ({ payload, context }) => {
    const reader = await asProjectReader(services, context);
    return reader.ok ? planAdvice(services, reader.data.project, payload) : reader;
  });

  defineResolver(resolver, 'usage/overview', async ({ context }) => {
    const project = projectOf(context);
    if (!project.ok) return project;
    const read = await readBesideAccess(services, asProjectReader(services, context), (ports) => projectOverview(ports, project.data));
    return read.ok ? read.data.answer : read;
  });

  /** The dashboard gadget: its project and plan come from its saved configuration, not from the payload. */
  defineResolver(resolver, 'usage/gadget', ({ context }) => gadget(services, context));
}
