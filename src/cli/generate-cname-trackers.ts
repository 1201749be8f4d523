/**
 * Regenerates src/core/classify/cname-trackers/cname-trackers.json from a
 * checkout of AdGuard's CNAME-tracker list (npm run generate:cname-trackers --
 * --from DIR): every `data/trackers/*.json` of DIR, at the checkout's commit.
 *
 *   --from DIR            the checkout (or a folder with the same data/trackers/ layout)
 *   --commit SHA          the commit the files were read at (default: git rev-parse HEAD in DIR)
 *   --commits FILE        a JSON map of slug → commit, for files read at different commits
 *   --not-included LIST   comma-separated slugs of the repository's tracker files left out
 *   --date YYYY-MM-DD     when they were read (default: today)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type AdguardTrackerFile,
  convertAdguardTrackers,
} from '../core/classify/cname-trackers/convert-adguard';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'src/core/classify/cname-trackers/cname-trackers.json');

function main(): void {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      commit: { type: 'string' },
      commits: { type: 'string' },
      'not-included': { type: 'string' },
      date: { type: 'string' },
    },
  });
  if (!values.from) throw new Error('--from DIR (a checkout of AdguardTeam/cname-trackers) is required');
  const dir = join(values.from, 'data', 'trackers');
  const head =
    values.commit ??
    spawnSync('git', ['-C', values.from, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const commits = values.commits
    ? (JSON.parse(readFileSync(values.commits, 'utf8')) as Record<string, string>)
    : {};
  const files: AdguardTrackerFile[] = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const slug = name.slice(0, -'.json'.length);
      const commit = commits[slug] ?? head;
      if (!/^[0-9a-f]{40}$/.test(commit))
        throw new Error(`No commit known for ${name}: give --commit or --commits`);
      return { slug, commit, aliases: JSON.parse(readFileSync(join(dir, name), 'utf8')) };
    });
  const list = convertAdguardTrackers(files, {
    retrieved: values.date ?? new Date().toISOString().slice(0, 10),
    notIncluded: values['not-included']?.split(',').filter(Boolean) ?? [],
  });
  writeFileSync(OUT, `${JSON.stringify(list, null, 2)}\n`);
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  if (existsSync(biome))
    spawnSync(biome, ['format', '--write', relative(ROOT, OUT)], { cwd: ROOT, stdio: 'inherit' });
  const hosts = list.trackers.reduce((n, t) => n + Object.values(t.aliases).flat().length, 0);
  console.log(
    `AdGuard's CNAME-tracker list: ${hosts} hosts of ${list.trackers.length} trackers written to ${relative(ROOT, OUT)}` +
      (list.notIncluded.length > 0 ? `; ${list.notIncluded.length} tracker files left out.` : '.'),
  );
}

main();
