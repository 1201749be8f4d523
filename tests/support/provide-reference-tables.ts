import { BUNDLED_REFERENCE_TABLES } from '../../src/core/classify/bundled-reference-tables';
import { provideReferenceTables } from '../../src/core/classify/reference-tables';

provideReferenceTables(BUNDLED_REFERENCE_TABLES);
