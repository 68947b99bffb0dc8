import { runMain } from '@marsad/host';
import { bootstrapAlerter } from './bootstrap';

runMain('alerter', bootstrapAlerter);
