import { runMain } from '@marsad/host';
import { bootstrapEnricher } from './bootstrap';

runMain('enricher', () => bootstrapEnricher({}, { handleSignals: false, logFile: process.env.MARSAD_LOG_FILE }));
