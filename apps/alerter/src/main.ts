import { bootstrapAlerter } from './bootstrap';

async function main() {
  const handle = await bootstrapAlerter(process.env as Record<string, string>, { logFile: process.env.MARSAD_LOG_FILE });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    handle.close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`alerter: error during shutdown (${signal}): ${err instanceof Error ? err.stack : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  const name = err?.name === 'ConfigError' ? 'configuration error' : 'start-up failed';
  process.stderr.write(`alerter: ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
