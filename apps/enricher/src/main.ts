import { ConfigError } from '@marsad/config';
import { bootstrapEnricher } from './bootstrap';

bootstrapEnricher().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`enricher: ${err.message}\n`);
  } else {
    process.stderr.write(`enricher: failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  }
  process.exit(1);
});
