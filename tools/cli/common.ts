import { readFileSync } from 'node:fs';
import { createLogger, type Logger } from '@marsad/observability';

/** CLI progress goes to stderr so stdout stays machine-readable. */
export const progress = (msg: string): void => {
  process.stderr.write(`[marsad] ${msg}\n`);
};

/** A logger for CLI commands: warnings and errors only, as JSON on stderr. */
export function cliLogger(service: string): Logger {
  return createLogger(service, 'warn', {}, (line) => process.stderr.write(line + '\n'));
}

/** Stack addresses and namespace from the environment, with the local defaults. */
export function stackEnv(): { brokers: string[]; esUrl: string; redisUrl: string; namespace?: string } {
  return {
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    esUrl: process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    namespace: process.env.MARSAD_NAMESPACE?.trim() || undefined,
  };
}

/**
 * Reads RawArticle-ish JSON from a file: one object, an array of objects, or JSON lines.
 * Returns the parsed values with where they came from, for error messages.
 */
export function readJsonItems(file: string): { value: unknown; where: string }[] {
  const text = readFileSync(file, 'utf8');
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    const v = JSON.parse(trimmed);
    return Array.isArray(v) ? v.map((value, i) => ({ value, where: `${file}[${i}]` })) : [{ value: v, where: file }];
  } catch (err) {
    // Not one JSON document: try JSON lines.
    const lines = trimmed.split('\n').filter((l) => l.trim());
    if (lines.length < 2) throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
    return lines.map((l, i) => {
      try {
        return { value: JSON.parse(l), where: `${file}:${i + 1}` };
      } catch (e) {
        throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
      }
    });
  }
}

export function fail(msg: string, code = 1): never {
  progress(`error: ${msg}`);
  process.exit(code);
}
