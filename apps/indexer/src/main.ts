import { ConfigError } from '@marsad/config';
import { bootstrapIndexer } from './bootstrap';

bootstrapIndexer().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`indexer: ${err.message}\n`);
  } else {
    process.stderr.write(`indexer: failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  }
  process.exit(1);
});
