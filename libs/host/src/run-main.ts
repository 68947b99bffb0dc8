import { exitOnSignal, type BootstrapOptions } from './service-host';

/**
 * The `main.ts` of every service: start it (`MARSAD_LOG_FILE`: JSON logs to that file instead of
 * stdout), close it in the host's order on SIGTERM/SIGINT (forced exit after 30 s), and turn a
 * start-up failure into one readable line — a configuration error names the variable
 * (`enricher: invalid environment variable KAFKA_BROKERS: ...`) — and exit 1.
 */
export function runMain(
  service: string,
  bootstrap: (env: Record<string, string | undefined>, opts: BootstrapOptions) => Promise<{ close(): Promise<void> }>,
): void {
  bootstrap({}, { logFile: process.env.MARSAD_LOG_FILE }).then(
    (handle) => exitOnSignal(service, () => handle.close()),
    (err) => {
      const isConfig = (err as Error)?.name === 'ConfigError';
      process.stderr.write(
        `${service}: ${isConfig ? (err as Error).message : `failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`}\n`,
      );
      process.exit(1);
    },
  );
}
