import { runMain } from '@marsad/host';
import { bootstrapIndexer } from './bootstrap';

runMain('indexer', () => bootstrapIndexer({}, { handleSignals: false, logFile: process.env.MARSAD_LOG_FILE }));
