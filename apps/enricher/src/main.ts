import { runMain } from '@marsad/observability/nest';
import { bootstrapEnricher } from './bootstrap';

runMain('enricher', () => bootstrapEnricher({}, { handleSignals: false, logFile: process.env.MARSAD_LOG_FILE }));
