/**
 * Readiness = every dependency answered its check. One indicator per dependency (Kafka, ES,
 * Redis, the alerts queue...), as in novu. Liveness only says the process runs, so that a probe
 * never restarts a pod because Elasticsearch is away.
 */
export interface HealthIndicator {
  name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down'; error?: string; ms: number }>;
}

/** Logs each dependency's outage once at warn when it starts and once at info when it ends. */
export interface OutageLogger {
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
}

export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];
  private readonly downSince = new Map<string, number>();
  private logger?: OutageLogger;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly timeoutMs = 3000,
    private readonly onResult?: (name: string, up: boolean) => void,
  ) {}

  /**
   * Checks every `intervalMs` in the background (besides the probes) and logs transitions only:
   * one warn when a check starts failing, one info when it passes again — not a stream of errors
   * during an outage, and not silence either. Returns a stop function.
   */
  watch(logger: OutageLogger, intervalMs = 5000): () => void {
    this.logger = logger;
    if (!this.timer) {
      this.timer = setInterval(() => void this.readiness().catch(() => undefined), intervalMs);
      this.timer.unref?.();
    }
    return () => this.stop();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private transition(name: string, up: boolean, error?: string): void {
    const since = this.downSince.get(name);
    if (!up && since === undefined) {
      this.downSince.set(name, Date.now());
      this.logger?.warn(`${name} unavailable`, { check: name, error });
    } else if (up && since !== undefined) {
      this.downSince.delete(name);
      this.logger?.info(`${name} available again`, { check: name, downForMs: Date.now() - since });
    }
  }

  add(indicator: HealthIndicator): this {
    this.indicators.push(indicator);
    return this;
  }

  async readiness(): Promise<HealthReport> {
    const checks: HealthReport['checks'] = {};
    await Promise.all(
      this.indicators.map(async (ind) => {
        const t0 = Date.now();
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            ind.check(),
            new Promise((_, rej) => {
              timer = setTimeout(() => rej(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
            }),
          ]);
          checks[ind.name] = { status: 'up', ms: Date.now() - t0 };
          this.onResult?.(ind.name, true);
          this.transition(ind.name, true);
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          checks[ind.name] = { status: 'down', error, ms: Date.now() - t0 };
          this.onResult?.(ind.name, false);
          this.transition(ind.name, false, error);
        } finally {
          if (timer) clearTimeout(timer);
        }
      }),
    );
    return { status: Object.values(checks).every((c) => c.status === 'up') ? 'ok' : 'error', checks };
  }
}
