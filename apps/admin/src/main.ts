import { runMain } from '@marsad/host';
import { bootstrapAdmin } from './bootstrap';

runMain('admin', () => bootstrapAdmin({}, { logFile: process.env.MARSAD_LOG_FILE }));
