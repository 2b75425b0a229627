import { HttpTransport } from '../../../../src/adapters/jira/http-transport';
import type { JiraClientOptions } from '../../../../src/adapters/jira/jira-client';
import type { SimulatorState } from '../../../../src/jira-simulator/model';
import { JiraSimulator } from '../../../../src/jira-simulator/simulator';
import { JiraTestAdapter } from '../../../support/jira-test-adapter';
import { ContractCheckingTransport } from './contract-checking-transport';
import { ALICE, SEEDED_AT, SiteBuilder } from './site-builder';

export interface Credentials {
  readonly email: string;
  readonly apiToken: string;
}

/** The simulator over real HTTP on 127.0.0.1, with a clock that only moves when a test moves it. */
export class SimulatedJira {
  /** Every sleep the access layer asked for, in milliseconds; each one also moves the clock. */
  readonly sleeps: number[] = [];
  private readonly transports: ContractCheckingTransport[] = [];
  private now = SEEDED_AT + 3_600_000;

  private constructor(
    readonly simulator: JiraSimulator,
    readonly url: string,
    private readonly closeServer: () => Promise<void>,
  ) {}

  static async start(state: SimulatorState): Promise<SimulatedJira> {
    let jira: SimulatedJira | undefined;
    const simulator = new JiraSimulator({ state, clock: { now: () => jira?.now ?? 0 } });
    const server = await simulator.listen({ port: 0, host: '127.0.0.1' });
    jira = new SimulatedJira(simulator, server.url, () => server.close());
    return jira;
  }

  /** A port over HTTP whose requests are checked against the OpenAPI document, and its transport. */
  connect(
    options: JiraClientOptions = {},
    credentials: Credentials = ALICE,
  ): { adapter: JiraTestAdapter; transport: ContractCheckingTransport } {
    const transport = new ContractCheckingTransport(
      new HttpTransport({ baseUrl: this.url, email: credentials.email, apiToken: credentials.apiToken }),
    );
    this.transports.push(transport);
    const sleep = async (milliseconds: number): Promise<void> => {
      this.sleeps.push(milliseconds);
      this.now += milliseconds;
    };
    // No real time-out: on a loaded machine a large page can take longer than the client's 10 s, and its retry would
    // send the request twice. The simulator answers every request it does not hold; time-out tests pass timeoutWhenHeld().
    const neverExpires = (): (() => void) => () => undefined;
    return { adapter: new JiraTestAdapter(transport, { random: () => 0.5, sleep, startTimer: neverExpires, ...options }), transport };
  }

  /**
   * A per-attempt time-out that runs out exactly when the simulator holds that attempt's request unanswered (a
   * `timeouts` fault), and never otherwise: the client's time-out path without a real timer or a slow machine's
   * spurious time-outs. Attempts must go one at a time (the time-out tests make one call).
   */
  timeoutWhenHeld(): (milliseconds: number, expire: () => void) => () => void {
    return (_milliseconds, expire) => {
      let cancelled = false;
      void this.simulator.nextHeldRequest().then(() => {
        if (!cancelled) expire();
      });
      return () => {
        cancelled = true;
      };
    };
  }

  /** What any request sent so far broke in the OpenAPI document; empty when all were valid. */
  contractViolations(): string[] {
    return this.transports.flatMap((transport) => transport.contractViolations);
  }

  /** Moves the simulator's clock on, e.g. past Jira's one-minute lag on the change feeds. */
  advance(milliseconds: number): void {
    this.now += milliseconds;
  }

  close(): Promise<void> {
    return this.closeServer();
  }
}

/**
 * Runs a simulated Jira for the enclosing `describe`: seeded once before its tests (the seed
 * may return state to lay over the built site), every request each test sent checked against
 * the OpenAPI document after it, stopped after all of them.
 */
export function useSimulatedJira(seed: (site: SiteBuilder) => Partial<SimulatorState> | undefined): () => SimulatedJira {
  let jira: SimulatedJira | undefined;
  const running = (): SimulatedJira => {
    if (!jira) throw new Error('the simulated Jira is not running');
    return jira;
  };
  beforeAll(async () => {
    const site = new SiteBuilder();
    const overrides = seed(site);
    jira = await SimulatedJira.start({ ...site.build(), ...overrides });
  });
  afterEach(() => expect(running().contractViolations()).toEqual([]));
  afterAll(() => running().close());
  return running;
}
