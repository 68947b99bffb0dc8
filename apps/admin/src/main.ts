import { runMain } from '@marsad/host';
import { bootstrapAdmin } from './bootstrap';

runMain('admin', bootstrapAdmin);
