import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export const repoRoot = resolve(__dirname, '../../..');
/** `../shared` beside the clone (samples, corpus, scorer); absent outside this workplace. */
export const sharedDir = resolve(repoRoot, '..', 'shared');

/** A namespace of its own per suite, so parallel runs and leftovers never collide. */
export function testNamespace(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Where servers started by tests write their logs (never the test's stdout). */
export function testLogFile(name: string): string {
  const dir = join(repoRoot, '.marsad', 'test-logs');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.log`);
}

/** Environment for services under test: the local stack's addresses unless overridden. */
export function stackEnv(namespace: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    ELASTICSEARCH_URL: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    MARSAD_NAMESPACE: namespace,
    ...extra,
  };
}

/** Polls `probe` until it returns a truthy value or the deadline passes (then throws with `what`). */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 60000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as T;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${String(lastErr)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
