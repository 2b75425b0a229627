import type { WorkQueue } from '../ports/queue';
import type { UsagePorts } from '../usage/usage-ports';

/** Closing computes the statement it freezes like every surface does, and names each write's chunks. */
export interface ClosingPorts extends UsagePorts {
  /** A fresh unique id (a UUID) for the chunks one close writes. */
  readonly newId: () => string;
  /** To ask for the plan's figures to be refreshed once a period was closed or reopened. */
  readonly queue: WorkQueue;
}
