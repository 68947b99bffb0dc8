import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createLogger, type LogLevel, type Logger } from './logger';

/**
 * A service's JSON logger: stdout in production, or appended to `logFile` so that services
 * started in-process by tests (and `bin/marsad up`) never write to the test's stdout.
 */
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
