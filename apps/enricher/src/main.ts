import { runMain } from '@marsad/host';
import { bootstrapEnricher } from './bootstrap';

runMain('enricher', bootstrapEnricher);
