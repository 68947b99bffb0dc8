import { runMain } from '@marsad/host';
import { bootstrapAlerter } from './bootstrap';

runMain('alerter', () => bootstrapAlerter({}, { logFile: process.env.MARSAD_LOG_FILE }));
