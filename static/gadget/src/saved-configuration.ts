import type { GadgetConfiguration } from '@contract/index';
import { field } from '../../shared/context/extension';

function textField(value: unknown, name: string): string {
  const text = field(value, name);
  return typeof text === 'string' ? text : '';
}

/** The configuration the edit view saved last time, or blanks when it never did. */
export function savedConfiguration(gadgetConfiguration: unknown): GadgetConfiguration {
  return { projectKey: textField(gadgetConfiguration, 'projectKey'), planId: textField(gadgetConfiguration, 'planId') };
}
