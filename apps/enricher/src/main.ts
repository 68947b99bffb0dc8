import { setFlagsFromString } from 'node:v8';
import { runMain } from '@marsad/host';
import { bootstrapEnricher } from './bootstrap';

// Each mark-compact throws away much of the engine's optimised code (the maps of its short-lived
// per-article objects die with them; V8 then recompiles ~100 functions), so the enricher pays for
// every full GC twice. Under production's --max-old-space-size=576 V8 lets the old generation grow
// only ~1.4× past its live size (~60 MB) before the next one: a mark-compact every ~2 s while
// draining. 1.8× about halves their number for ~30 MB more peak RSS; 2× took the peak to 303–304 MB,
// over the 300 MB target (ADR 0019, seventh session). Not settable in NODE_OPTIONS (Node refuses V8
// flags outside its list); a value given on the node command line wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=80');

runMain('enricher', bootstrapEnricher);
