import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createLogger, type LogLevel, type Logger } from '@marsad/observability';

/** JSON logger to stdout, or to `logFile` (appended) so in-process tests do not spam stdout. */
export function serviceLogger(service: string, level: LogLevel, logFile?: string): { logger: Logger; close(): Promise<void> } {
  if (!logFile) return { logger: createLogger(service, level), close: async () => undefined };
  mkdirSync(dirname(logFile), { recursive: true });
  const stream: WriteStream = createWriteStream(logFile, { flags: 'a' });
  let closed = false;
  const logger = createLogger(service, level, {}, (line) => {
    if (!closed) stream.write(line + '\n');
  });
  return {
    logger,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        stream.end(() => resolve());
      }),
  };
}

/** process.env overlaid with the overrides given to bootstrap (undefined values delete). */
export function mergeEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}
