import * as z from 'zod';
import { JiraError, type JiraErrorKind } from '../../app/ports/jira';
import { CallCounters, type CallStats } from './call-counters';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { RequestRefusedError, resourcePath, type HttpMethod, type JiraResource, type JiraTransport, type QueryParameters, type TransportResponse } from './transport';

export interface JiraCall<T> {
  /** The access layer's name for the call, used in counters and error messages. */
  readonly operation: string;
  readonly method: HttpMethod;
  readonly resource: JiraResource;
  readonly query?: QueryParameters;
  readonly body?: unknown;
  /** Safe to send twice: reads, and searches sent as POST. Only these are retried after 5xx, time-outs and network failures. */
  readonly idempotent: boolean;
  /** Reads a successful answer's body; throws a ZodError when it is not what Jira documents. */
  readonly parse: (body: unknown) => T;
  /** How many objects (issues, worklogs, entries) the answer carried, for Jira's cost points. */
  readonly countObjects?: (result: T) => number;
  /** The answer to a 404 when "not there" is a result (a missing property) rather than a failure. */
  readonly onNotFound?: () => T;
}

export interface JiraClientOptions {
  /** Calls in flight at once (default 4). */
  readonly maxConcurrency?: number;
  /** Tries per call, the first included (default 4). */
  readonly maxAttempts?: number;
  /** Per-attempt time-out (default 10 s). */
  readonly timeoutMs?: number;
  /** First back-off step when Jira gives no `Retry-After` (default 500 ms), doubled each retry. */
  readonly baseDelayMs?: number;
  /** Longest wait between tries; a `Retry-After` beyond it fails the call at once (default 10 s: Forge gives a resolver 25 s). */
  readonly maxDelayMs?: number;
  readonly sleep?: (milliseconds: number) => Promise<void>;
  /** Starts an attempt's time-out: `expire` runs after `milliseconds` unless the returned function cancels it first. */
  readonly startTimer?: (milliseconds: number, expire: () => void) => () => void;
  /** A number in [0, 1), for back-off jitter. */
  readonly random?: () => number;
}

interface Success<T> {
  readonly result: T;
}

const JiraErrorBody = z.object({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  /** Jira Service Management's `ErrorResponse` says it in one message. */
  errorMessage: z.string().optional(),
});

const MAX_QUOTED_TEXT = 200;

function startRealTimer(milliseconds: number, expire: () => void): () => void {
  const timer = setTimeout(expire, milliseconds);
  return () => clearTimeout(timer);
}

interface Failure {
  readonly kind: JiraErrorKind;
  readonly response?: TransportResponse;
  readonly cause?: unknown;
  /** Said instead of Jira's error messages: why no usable answer came. */
  readonly reason?: string;
  /** Trying again cannot help (an answer Jira should never give). */
  readonly final?: boolean;
}

/**
 * Sends calls through a transport with Jira's manners: a cap on calls in flight, a time-out
 * per attempt, `Retry-After` on 429, bounded jittered retries of idempotent calls, counters,
 * and a {@link JiraError} for every failure.
 */
export class JiraClient {
  private readonly limiter: ConcurrencyLimiter;
  private readonly counters = new CallCounters();
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly startTimer: (milliseconds: number, expire: () => void) => () => void;
  private readonly random: () => number;

  constructor(
    private readonly transport: JiraTransport,
    options: JiraClientOptions = {},
  ) {
    this.limiter = new ConcurrencyLimiter(options.maxConcurrency ?? 4);
    this.maxAttempts = options.maxAttempts ?? 4;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.sleep = options.sleep ?? ((milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)));
    this.startTimer = options.startTimer ?? startRealTimer;
    this.random = options.random ?? Math.random;
  }

  stats(): CallStats {
    return this.counters.snapshot();
  }

  resetStats(): void {
    this.counters.reset();
  }

  /** The parsed answer of a successful call; throws {@link JiraError} otherwise. */
  send<T>(call: JiraCall<T>): Promise<T> {
    return this.limiter.run(() => this.sendWithRetries(call));
  }

  private async sendWithRetries<T>(call: JiraCall<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(call);
      if ('result' in outcome) return outcome.result;
      const wait = this.retryDelay(call, outcome, attempt);
      if (wait === null) throw this.toError(call, outcome, attempt);
      this.counters.recordRetry(call.operation);
      await this.sleep(wait);
    }
  }

  private async attempt<T>(call: JiraCall<T>): Promise<Success<T> | Failure> {
    const controller = new AbortController();
    const cancelTimer = this.startTimer(this.timeoutMs, () => controller.abort());
    let response: TransportResponse;
    try {
      response = await this.transport.request({
        method: call.method,
        resource: call.resource,
        query: call.query,
        body: call.body,
        signal: controller.signal,
      });
    } catch (cause) {
      if (cause instanceof RequestRefusedError) return { kind: 'bad-request', cause, reason: cause.message, final: true };
      this.counters.recordCall(call.operation, 0);
      return controller.signal.aborted
        ? { kind: 'timeout', cause, reason: `no answer within ${this.timeoutMs} ms` }
        : { kind: 'network', cause, reason: describeCause(cause) };
    } finally {
      cancelTimer();
    }
    if (response.status === 404 && call.onNotFound) {
      this.counters.recordCall(call.operation, 0);
      return { result: call.onNotFound() };
    }
    if (response.status < 200 || response.status >= 300) {
      this.counters.recordCall(call.operation, 0);
      return { kind: kindOfStatus(response.status), response };
    }
    const parsed = parseAnswer(call, response);
    this.counters.recordCall(call.operation, 'result' in parsed && call.countObjects ? call.countObjects(parsed.result) : 0);
    return parsed;
  }

  /** Milliseconds to wait before the next try, or null to give up. */
  private retryDelay<T>(call: JiraCall<T>, failure: Failure, attempt: number): number | null {
    if (attempt >= this.maxAttempts) return null;
    if (failure.kind === 'rate-limited') {
      const retryAfterSeconds = parseRetryAfter(failure.response?.retryAfter ?? null);
      const wait = retryAfterSeconds === null ? this.backoff(attempt) : retryAfterSeconds * 1000;
      return wait <= this.maxDelayMs ? wait : null;
    }
    const transient = failure.kind === 'server' || failure.kind === 'timeout' || failure.kind === 'network';
    return transient && call.idempotent && !failure.final ? this.backoff(attempt) : null;
  }

  /** Exponential with equal jitter: half of the step fixed, half random. */
  private backoff(attempt: number): number {
    const step = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(step / 2 + (step / 2) * this.random());
  }

  private toError<T>(call: JiraCall<T>, failure: Failure, attempts: number): JiraError {
    const response = failure.response;
    const reported = response ? errorBody(response.body) : { errorMessages: [], errors: {} };
    const retryAfterSeconds = parseRetryAfter(response?.retryAfter ?? null);
    return new JiraError(
      {
        kind: failure.kind,
        operation: call.operation,
        method: call.method,
        path: resourcePath(call.resource),
        status: response?.status,
        statusText: response ? response.statusText || undefined : undefined,
        errorMessages: failure.reason === undefined ? reported.errorMessages : [failure.reason],
        errors: reported.errors,
        attempts,
        retryAfterSeconds: failure.kind === 'rate-limited' && retryAfterSeconds !== null ? retryAfterSeconds : undefined,
      },
      { cause: failure.cause },
    );
  }
}

function parseAnswer<T>(call: JiraCall<T>, response: TransportResponse): Success<T> | Failure {
  try {
    return { result: call.parse(response.body) };
  } catch (cause) {
    const detail = cause instanceof z.ZodError ? z.prettifyError(cause).replace(/\s*\n\s*/g, ' ') : String(cause);
    return { kind: 'server', response, cause, reason: `unexpected answer: ${detail}`, final: true };
  }
}

/** Read by shape: errors thrown by Node's fetch may come from another realm than this module's `Error`. */
const ErrorWithCause = z.object({ message: z.string(), cause: z.object({ message: z.string() }).optional() });

/** fetch's own message and, when it has one, the socket error behind it. */
function describeCause(cause: unknown): string {
  const parsed = ErrorWithCause.safeParse(cause);
  if (!parsed.success) return String(cause);
  const { message, cause: inner } = parsed.data;
  return inner ? `${message}: ${inner.message}` : message;
}

function kindOfStatus(status: number): JiraErrorKind {
  if (status === 429) return 'rate-limited';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** Seconds from a `Retry-After` header; only the delta-seconds form is honoured, a date falls back to back-off. */
function parseRetryAfter(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

function errorBody(body: unknown): { errorMessages: readonly string[]; errors: Readonly<Record<string, string>> } {
  const parsed = JiraErrorBody.safeParse(body);
  if (parsed.success) {
    const { errorMessages = [], errors = {}, errorMessage } = parsed.data;
    return { errorMessages: errorMessage === undefined ? errorMessages : [...errorMessages, errorMessage], errors };
  }
  const text = typeof body === 'string' ? body.trim().slice(0, MAX_QUOTED_TEXT) : '';
  return { errorMessages: text === '' ? [] : [text], errors: {} };
}
