import { runQueueJob, type JobPolicyPorts, type QueueJobHandler } from '../../app/jobs/run-queue-job';
import { acknowledgeMalformed, queueEventSchema } from './forge-events';

export interface QueueConsumerParts<J> {
  readonly ports: JobPolicyPorts;
  readonly handler: QueueJobHandler<J>;
}

/**
 * A `consumer` function as Forge calls it, for any queue: an event Forge hands over malformed
 * is acknowledged and logged; its body runs under the one failure policy (`runQueueJob`).
 */
export function createQueueConsumer<J>(partsFor: () => QueueConsumerParts<J>): (event: unknown) => Promise<void> {
  return async (event) => {
    const parsed = queueEventSchema.safeParse(event);
    if (!parsed.success) {
      acknowledgeMalformed('queue event', parsed.error.message);
      return;
    }
    const { ports, handler } = partsFor();
    await runQueueJob(ports, handler, parsed.data.body);
  };
}
