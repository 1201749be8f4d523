import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inspectorConfigJsonSchema } from './config-json-schema';

/** Regenerates the committed inspector-config.schema.json (npm run generate:config-schema). */
const target = fileURLToPath(new URL('./inspector-config.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(inspectorConfigJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${target}`);
