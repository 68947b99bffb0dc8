/**
 * The `main.ts` of every service: start it, close it cleanly on SIGTERM/SIGINT (forced exit
 * after 30 s), and turn a start-up failure into one readable line — a configuration error names
 * the variable (`enricher: invalid environment variable KAFKA_BROKERS: ...`) — and exit 1.
 */
export function runMain(service: string, start: () => Promise<{ close(): Promise<void> }>): void {
  start().then(
    (handle) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        setTimeout(() => process.exit(1), 30_000).unref();
        handle.close().then(
          () => process.exit(0),
          (err) => {
            process.stderr.write(`${service}: error during shutdown (${signal}): ${err instanceof Error ? err.stack : String(err)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    },
    (err) => {
      const isConfig = (err as Error)?.name === 'ConfigError';
      process.stderr.write(
        `${service}: ${isConfig ? (err as Error).message : `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`}\n`,
      );
      process.exit(1);
    },
  );
}
