import { runMain } from '@marsad/host';
import { bootstrapIndexer } from './bootstrap';

runMain('indexer', bootstrapIndexer);
