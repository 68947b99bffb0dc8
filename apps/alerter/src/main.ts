import { runMain } from '@marsad/observability/nest';
import { bootstrapAlerter } from './bootstrap';

runMain('alerter', () => bootstrapAlerter({}, { logFile: process.env.MARSAD_LOG_FILE }));
