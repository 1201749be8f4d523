import { benchEvidence } from './evidence.bench';
import { benchPageLoad } from './page-load.bench';
import { benchRulesEngine } from './rules-engine.bench';

// Benchmarks print figures for a person to read; none of them fails a build.
benchRulesEngine();
await benchEvidence();
await benchPageLoad();
