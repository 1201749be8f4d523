/**
 * Regenerates src/core/classify/open-cookie-database/ocd-cookies.json and its
 * NOTICE.md from the installed npm package (npm run generate:catalog).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  convert,
  DATA_PATH,
  notice,
  OCD_PACKAGE,
  type RawOcdEntry,
} from '../core/classify/open-cookie-database/convert-ocd';

const CATALOG_DIR = fileURLToPath(new URL('../core/classify/open-cookie-database/', import.meta.url));

/** The project root holding node_modules/<package>, and the package's folder. */
function findPackage(): { root: string; packageDir: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', ...OCD_PACKAGE.split('/'));
    if (existsSync(join(candidate, 'package.json'))) return { root: dir, packageDir: candidate };
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${OCD_PACKAGE} is not installed (npm install -D ${OCD_PACKAGE})`);
    dir = parent;
  }
}

function main(): void {
  const here = CATALOG_DIR;
  const { root, packageDir } = findPackage();
  const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const raw = JSON.parse(readFileSync(join(packageDir, DATA_PATH), 'utf8')) as Record<string, RawOcdEntry[]>;
  const { file, dropped } = convert(raw, packageJson.version);

  const jsonPath = join(here, 'ocd-cookies.json');
  writeFileSync(jsonPath, `${JSON.stringify(file, null, 2)}\n`);
  writeFileSync(join(here, 'NOTICE.md'), notice(file));

  // Let the project's formatter lay the JSON out, so `npm run lint` stays clean.
  const biome = join(root, 'node_modules', '.bin', 'biome');
  if (existsSync(biome)) {
    const formatted = spawnSync(biome, ['format', '--write', relative(root, jsonPath)], {
      cwd: root,
      stdio: 'inherit',
    });
    if (formatted.status !== 0) console.warn('biome format failed; the JSON is valid but not formatted');
  }
  console.log(
    `Open Cookie Database ${file.packageVersion}: kept ${file.counts.kept} of ${file.counts.source} entries ` +
      `(${file.counts.boundToDomain} bound to a domain, ${file.counts.droppedAmbiguous} ambiguous and ` +
      `${file.counts.droppedInvalid} invalid left out).`,
  );
  if (process.argv.includes('--verbose')) for (const line of dropped) console.log(`  left out ${line}`);
}

main();
