import { Queue } from '@forge/events';
import type { PushOptions, WorkQueue } from '../../app/ports/queue';
import { isJsonObject, type JsonValue } from '../../app/ports/store';

/** The work-queue port over `@forge/events`: jobs that share a concurrency key run one at a time. */
export class ForgeWorkQueue implements WorkQueue {
  async push(queueKey: string, body: JsonValue, options: PushOptions = {}): Promise<string> {
    if (!isJsonObject(body)) {
      throw new Error(`A job pushed to ${queueKey} must be a JSON object.`);
    }
    const { jobId } = await new Queue({ key: queueKey }).push({
      body,
      ...(options.delayInSeconds === undefined ? {} : { delayInSeconds: options.delayInSeconds }),
      ...(options.concurrencyKey === undefined ? {} : { concurrency: { key: options.concurrencyKey, limit: 1 } }),
    });
    return jobId;
  }
}
