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

export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  constructor(
    private readonly timeoutMs = 3000,
    private readonly onResult?: (name: string, up: boolean) => void,
  ) {}

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
        } catch (err) {
          checks[ind.name] = { status: 'down', error: err instanceof Error ? err.message : String(err), ms: Date.now() - t0 };
          this.onResult?.(ind.name, false);
        } finally {
          if (timer) clearTimeout(timer);
        }
      }),
    );
    return { status: Object.values(checks).every((c) => c.status === 'up') ? 'ok' : 'error', checks };
  }
}
