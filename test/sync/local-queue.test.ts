import { LocalQueue } from '../../src/local/events/local-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  // The executor runs synchronously, so `resolve` is set before it is returned.
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('local queue', () => {
  it('runs jobs that share a concurrency key one at a time, in push order', async () => {
    // The queue's timers are jest's: they fire when the test says, not when the machine gets round to it.
    jest.useFakeTimers();
    try {
      const queue = new LocalQueue({ mode: 'timers' });
      const log: string[] = [];
      const gate = deferred();
      queue.consume('work', async ({ body }) => {
        log.push(`start ${JSON.stringify(body)}`);
        if (body === 1) await gate.promise;
        log.push(`end ${JSON.stringify(body)}`);
      });

      await queue.push('work', 1, { concurrencyKey: 'plan-gold' });
      await queue.push('work', 2, { concurrencyKey: 'plan-gold' });
      await queue.push('work', 3, { concurrencyKey: 'plan-silver' });
      await jest.runAllTimersAsync();
      expect(log).toEqual(['start 1', 'start 3', 'end 3']);
      gate.resolve();
      await queue.idle();

      expect(log).toEqual(['start 1', 'start 3', 'end 3', 'end 1', 'start 2', 'end 2']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when its next waiting job falls due, so the preview can wait for a coalesced refresh', async () => {
    jest.useFakeTimers();
    try {
      const queue = new LocalQueue({ mode: 'timers' });
      const ran: string[] = [];
      queue.consume('work', async ({ body }) => {
        ran.push(JSON.stringify(body));
      });
      expect(queue.nextDueInMs()).toBeUndefined();

      await queue.push('work', 'refresh', { delayInSeconds: 5 });
      await queue.push('work', 'drop', { delayInSeconds: 60 });
      expect(queue.nextDueInMs()).toBe(5000);
      await jest.advanceTimersByTimeAsync(2000);
      expect(queue.nextDueInMs()).toBe(3000);
      await jest.advanceTimersByTimeAsync(3000);
      await queue.idle();
      expect([ran, queue.nextDueInMs()]).toEqual([['"refresh"'], 55_000]);

      queue.stop();
      expect(queue.nextDueInMs()).toBeUndefined();
    } finally {
      jest.useRealTimers();
    }
  });

  it('runs delayed jobs after the ones due earlier when drained by hand', async () => {
    const queue = new LocalQueue({ mode: 'manual' });
    const order: string[] = [];
    queue.consume('work', async ({ body }) => {
      order.push(JSON.stringify(body));
    });

    await queue.push('work', 'later', { delayInSeconds: 60 });
    await queue.push('work', 'now');
    await queue.drain();

    expect(order).toEqual(['"now"', '"later"']);
  });

  it('retries a job whose consumer throws, with a retry context, as Forge does', async () => {
    const queue = new LocalQueue({ mode: 'manual', maxRetries: 2 });
    const attempts: (number | undefined)[] = [];
    queue.consume('work', async ({ retryContext }) => {
      attempts.push(retryContext?.retryCount);
      throw new Error('Jira is down');
    });

    await queue.push('work', {});
    await queue.drain();

    expect(attempts).toEqual([undefined, 1, 2]);
    expect(queue.runs.map((run) => run.error)).toEqual(['Jira is down', 'Jira is down', 'Jira is down']);
  });
});
