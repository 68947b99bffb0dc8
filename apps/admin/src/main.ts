import { runMain } from '@marsad/observability/nest';
import { bootstrapAdmin } from './bootstrap';

runMain('admin', () => bootstrapAdmin({}, { logFile: process.env.MARSAD_LOG_FILE }));
