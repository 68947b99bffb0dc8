import { runMain } from '@marsad/observability/nest';
import { bootstrapIndexer } from './bootstrap';

runMain('indexer', () => bootstrapIndexer({}, { handleSignals: false, logFile: process.env.MARSAD_LOG_FILE }));
