import { EventBus, type EventStats } from './event-bus';
import type { EventListener } from './events';
import { firstFiring, noFaults, QuotaMeter, type SimulatorFaults } from './faults';
import { badRequest, errorReply, JiraHttpError, notFound, toResponse, unauthorized, type Reply } from './http';
import type { IndexedProperty, JqlSite } from './jql/fields';
import { emptyState, type SimUser, type SimulatorState } from './model';
import { listenOnLoopback, type RunningServer } from './node-server';
import { StateFile } from './persistence';
import { seededRandom, type Random } from './prng';
import { matchRoute } from './routes';
import type { SentNotification } from './routes/notify';
import type { RouteContext } from './routes/route';
import { SiteStore } from './store';
import type { SimWorkflowValidator } from './workflow';

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface JiraSimulatorOptions {
  readonly clock?: Clock;
  /** Seeds every random choice the faults make. */
  readonly seed?: number;
  /** IANA zone in which JQL dates are read (the site's default time zone); UTC by default. */
  readonly timeZone?: string;
  /** The issue properties indexed for JQL; by default the app's `support-plan` property. */
  readonly indexedProperties?: readonly IndexedProperty[];
  readonly state?: SimulatorState;
}

export interface RouteStats {
  calls: number;
  points: number;
}

export interface SimulatorStats {
  calls: number;
  /** Jira cost points served: 1 a call + 1 per issue or worklog returned (writes cost 1). */
  points: number;
  rateLimited: number;
  injectedServerErrors: number;
  injectedTimeouts: number;
  /** Keyed by method and path template, e.g. `POST /rest/api/3/search/jql`. */
  byRoute: Record<string, RouteStats>;
  events: EventStats;
  /** Every notification `POST /issue/{issueIdOrKey}/notify` accepted, oldest first. */
  notifications: SentNotification[];
}

/** The app's `support-plan` issue property and its search aliases, as `manifest.yml` declares them. */
export const SUPPORT_PLAN_PROPERTIES: readonly IndexedProperty[] = [
  { propertyKey: 'support-plan', path: 'planId', searchAlias: 'supportPlan' },
  { propertyKey: 'support-plan', path: 'billingClass', searchAlias: 'supportBillingClass' },
];

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE']);

/**
 * An in-memory Jira Cloud that answers the REST v3 calls Support Hours makes, with Jira's
 * pagination, limits, error bodies, permissions and events. Use `handle` (or `fetch`) in-process,
 * or `listen` for a real HTTP server on 127.0.0.1.
 */
export class JiraSimulator {
  readonly faults: SimulatorFaults = noFaults();
  readonly stats: SimulatorStats;
  private store: SiteStore;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly timeZone: string;
  private readonly indexedProperties: readonly IndexedProperty[];
  private readonly events: EventBus;
  private readonly quota = new QuotaMeter();
  private readonly hanging = new Set<() => void>();
  private readonly holdWaiters: (() => void)[] = [];
  private readonly workflowValidators: SimWorkflowValidator[] = [];
  private stateFile: StateFile | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** Coalesces the saves of a burst of writes into one. */
  private saveQueued = false;

  constructor(options: JiraSimulatorOptions = {}) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.random = seededRandom(options.seed ?? 1);
    this.timeZone = options.timeZone ?? 'UTC';
    this.indexedProperties = options.indexedProperties ?? SUPPORT_PLAN_PROPERTIES;
    this.store = new SiteStore(options.state ?? emptyState());
    this.events = new EventBus(() => this.faults.events, this.random);
    this.stats = this.freshStats();
  }

  /** A simulator whose state is loaded from, and saved after every change to, a JSON file in `dataDir`. */
  static async open(options: JiraSimulatorOptions & { readonly dataDir: string }): Promise<JiraSimulator> {
    const stateFile = new StateFile(options.dataDir);
    const saved = await stateFile.load();
    const simulator = new JiraSimulator({ ...options, ...(saved ? { state: saved } : {}) });
    simulator.stateFile = stateFile;
    if (!saved) await simulator.save();
    return simulator;
  }

  /** Replaces the whole state (demo data, fixtures) without going through HTTP or emitting events. */
  load(state: SimulatorState): void {
    this.store = new SiteStore(state);
    this.scheduleSave();
  }

  snapshot(): SimulatorState {
    return this.store.toState();
  }

  onEvent(listener: EventListener): () => void {
    return this.events.subscribe(listener);
  }

  /**
   * Adds an app's workflow validator to the transitions it names, as an admin does in Jira's workflow editor: every
   * `POST /issue/{issueIdOrKey}/transitions` through one of them waits for its verdict. Returns its removal.
   */
  addWorkflowValidator(validator: SimWorkflowValidator): () => void {
    this.workflowValidators.push(validator);
    return () => {
      const index = this.workflowValidators.indexOf(validator);
      if (index >= 0) this.workflowValidators.splice(index, 1);
    };
  }

  /** Resolves once emitted events are delivered and the state file (if any) is written. */
  async idle(): Promise<void> {
    await this.events.idle();
    await this.saving;
  }

  /** Writes the state file now (after any write already under way); a no-op when in memory. */
  save(): Promise<void> {
    const stateFile = this.stateFile;
    if (!stateFile) return Promise.resolve();
    this.saveQueued = true;
    // A failed write is reported to whoever awaits it; the next save still runs.
    this.saving = this.saving.catch(() => undefined).then(() => {
      if (!this.saveQueued) return;
      this.saveQueued = false;
      return stateFile.save(this.store.toState());
    });
    return this.saving;
  }

  /**
   * Resolves when the simulator next holds a request unanswered (a `timeouts` fault without `answerAfterMs`), so a
   * test can time that request out at a known moment instead of waiting on the machine's clock.
   */
  nextHeldRequest(): Promise<void> {
    return new Promise((resolve) => this.holdWaiters.push(resolve));
  }

  resetStats(): void {
    this.events.resetStats();
    Object.assign(this.stats, this.freshStats());
  }

  /** A `fetch` that answers from this simulator in-process. */
  readonly fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => this.handle(new Request(input, init));

  listen(options: { readonly port?: number; readonly host: '127.0.0.1' }): Promise<RunningServer> {
    return listenOnLoopback((request) => this.handle(request), options, () => this.releaseHanging());
  }

  async handle(request: Request): Promise<Response> {
    this.stats.calls += 1;
    if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
    const url = new URL(request.url);
    const reply = await this.answer(request, url);
    return toResponse(reply);
  }

  private async answer(request: Request, url: URL): Promise<Reply> {
    const caller = this.authenticate(request);
    if (!caller) return errorReply(unauthorized());
    const quota = this.faults.quota;
    const retryAfter = quota ? this.quota.retryAfterSeconds(quota, this.clock.now()) : null;
    if (retryAfter !== null) {
      this.stats.rateLimited += 1;
      return errorReply(
        new JiraHttpError(429, { errorMessages: ['Rate limit exceeded.'], errors: {} }, { 'Retry-After': String(retryAfter) }),
      );
    }
    const timeout = firstFiring(this.faults.timeouts, url.pathname, this.random);
    if (timeout) {
      this.stats.injectedTimeouts += 1;
      if (timeout.answerAfterMs === undefined) return this.hang(request.signal);
      await sleep(timeout.answerAfterMs);
    }
    const serverError = firstFiring(this.faults.serverErrors, url.pathname, this.random);
    if (serverError) {
      this.stats.injectedServerErrors += 1;
      this.charge(`${request.method} ${url.pathname}`, 1);
      return { status: serverError.status ?? 500, body: { errorMessages: ['Internal server error (injected by the simulator).'], errors: {} } };
    }
    return this.route(request, url, caller);
  }

  private async route(request: Request, url: URL, caller: SimUser): Promise<Reply> {
    const match = matchRoute(request.method, url.pathname);
    if (!match) {
      this.charge(`${request.method} (unknown)`, 1);
      return errorReply(notFound(`null for uri: ${url.toString()}`));
    }
    const routeKey = `${match.route.method} ${match.route.path}`;
    try {
      const context: RouteContext = {
        store: this.store,
        site: this.site(),
        caller,
        now: this.clock.now(),
        params: match.params,
        query: url.searchParams,
        body: await readJson(request),
        baseUrl: url.origin,
        path: url.pathname,
        selfUrl: url.toString(),
        emit: (event) => this.events.emit(event),
        recordNotification: (notification) => this.stats.notifications.push(notification),
        workflowValidators: this.workflowValidators,
      };
      const outcome = await match.route.handle(context);
      this.charge(routeKey, 1 + outcome.objectsReturned);
      if (WRITE_METHODS.has(request.method) && outcome.reply.status < 300) this.scheduleSave();
      return outcome.reply;
    } catch (error) {
      if (!(error instanceof JiraHttpError)) throw error;
      this.charge(routeKey, 1);
      return errorReply(error);
    }
  }

  private site(): JqlSite {
    return { store: this.store, timeZone: this.timeZone, indexedProperties: this.indexedProperties };
  }

  private authenticate(request: Request): SimUser | null {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Basic\s+(.+)$/i.exec(header);
    if (!match?.[1]) return null;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const user = this.store.userByEmail(decoded.slice(0, separator));
    return separator > 0 && user?.apiToken === decoded.slice(separator + 1) ? user : null;
  }

  private charge(routeKey: string, points: number): void {
    this.stats.points += points;
    const route = (this.stats.byRoute[routeKey] ??= { calls: 0, points: 0 });
    route.calls += 1;
    route.points += points;
    this.quota.charge(points);
  }

  /** Never answers; gives up when the client aborts or the server closes. */
  private hang(signal: AbortSignal): Promise<Reply> {
    return new Promise((_, reject) => {
      const release = () => {
        this.hanging.delete(release);
        reject(new Error('The simulator dropped a request it was told never to answer.'));
      };
      this.hanging.add(release);
      signal.addEventListener('abort', release, { once: true });
      for (const held of this.holdWaiters.splice(0)) held();
    });
  }

  private releaseHanging(): void {
    for (const release of [...this.hanging]) release();
  }

  private scheduleSave(): void {
    if (!this.stateFile) return;
    this.save().catch((error: unknown) => {
      console.error('The Jira simulator could not save its state:', error);
    });
  }

  private freshStats(): SimulatorStats {
    return { calls: 0, points: 0, rateLimited: 0, injectedServerErrors: 0, injectedTimeouts: 0, byRoute: {}, events: this.events.stats, notifications: [] };
  }
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
