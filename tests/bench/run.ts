import { BUNDLED_REFERENCE_TABLES } from '../../src/core/classify/bundled-reference-tables';
import { provideReferenceTables } from '../../src/core/classify/reference-tables';
import { benchAuditPage } from './audit-page.bench';
import { benchEvidence } from './evidence.bench';
import { benchExport } from './export.bench';
import { benchIngest } from './ingest.bench';
import { benchPageLoad } from './page-load.bench';
import { benchPopupOpen } from './popup-open.bench';
import { benchRulesEngine } from './rules-engine.bench';
import { benchWorkerFootprint } from './worker-footprint.bench';

// Benchmarks print figures for a person to read; none of them fails a build.
// `npm run bench -- popup` (or rules, evidence, export, page-load, audit-page, ingest, footprint) runs one of them.
const only = process.argv[2];
provideReferenceTables(BUNDLED_REFERENCE_TABLES);
if (!only || only === 'rules') benchRulesEngine();
if (!only || only === 'evidence') await benchEvidence();
if (!only || only === 'popup') await benchPopupOpen();
if (!only || only === 'export') await benchExport();
if (!only || only === 'page-load') await benchPageLoad();
if (!only || only === 'audit-page') await benchAuditPage();
if (!only || only === 'ingest') await benchIngest();
if (!only || only === 'footprint') await benchWorkerFootprint();
