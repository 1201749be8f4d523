import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inspectorConfigJsonSchema } from '../core/config/config-json-schema';

/** Regenerates the committed inspector-config.schema.json (npm run generate:config-schema). */
const target = fileURLToPath(new URL('../core/config/inspector-config.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(inspectorConfigJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);
