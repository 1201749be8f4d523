import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readTrustAnchors } from '../../src/core/evidence/timestamp/trust-anchors';
import { verifyBundle } from '../../src/core/evidence/verify-bundle';
import { verifyExitCode } from '../../src/core/evidence/verify-exit-code';
import { BUNDLE_VECTORS_DIR, type BundleVectors } from './bundle-vectors';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const RECIPE = join(ROOT, 'docs/verify-with-openssl.sh');
const index = JSON.parse(await readFile(join(BUNDLE_VECTORS_DIR, 'vectors.json'), 'utf8')) as BundleVectors;
const tsaRoot = join(BUNDLE_VECTORS_DIR, index.tsaRoot);

/** The OpenSSL recipe's exit code and output for one bundle. */
async function recipe(bundle: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('sh', [RECIPE, bundle, index.fingerprint, tsaRoot]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the bundle test vectors of docs/bundle-format.md', () => {
  it('hold an intact bundle and several wrong ones', () => {
    expect(index.format).toBe('jeejio-evidence/1');
    expect(index.vectors.filter((v) => v.verifyExitCode === 0).map((v) => v.file)).toEqual(['intact.zip']);
    expect(index.vectors.length).toBeGreaterThanOrEqual(6);
  });

  it("the TSA's certificate has expired since it stamped them: both verifiers judge it at the stamped time", async () => {
    const token = join(BUNDLE_VECTORS_DIR, 'intact.token.tmp');
    await run('sh', [
      '-c',
      `unzip -p "$1" timestamp.tst > "$2"`,
      'sh',
      join(BUNDLE_VECTORS_DIR, 'intact.zip'),
      token,
    ]);
    try {
      const now = run('openssl', [
        'ts',
        '-verify',
        '-token_in',
        '-in',
        token,
        '-data',
        '/dev/null',
        '-CAfile',
        tsaRoot,
      ]);
      await expect(now).rejects.toMatchObject({ stderr: expect.stringContaining('certificate has expired') });
    } finally {
      await run('rm', ['-f', token]);
    }
  });

  it.each(index.vectors)('$file: verify says what vectors.json says', async (vector) => {
    const zip = new Uint8Array(await readFile(join(BUNDLE_VECTORS_DIR, vector.file)));
    const verdict = await verifyBundle(zip, {
      expectedFingerprint: index.fingerprint,
      tsaTrust: readTrustAnchors(await readFile(tsaRoot)),
    });
    expect(verifyExitCode(verdict)).toBe(vector.verifyExitCode);
    expect([...new Set(verdict.problems.map((p) => p.kind))].sort()).toEqual([...vector.problems].sort());
    if (vector.verifyExitCode === 0) expect(verdict.timestamp?.trust).toBe('trusted');
  });

  it.each(index.vectors)('$file: the OpenSSL-only recipe agrees with verify', async (vector) => {
    const { code, output } = await recipe(join(BUNDLE_VECTORS_DIR, vector.file));
    expect(code, output).toBe(vector.recipeExitCode);
    // Agreeing: the recipe passes a bundle exactly when verify does.
    expect(code === 0).toBe(vector.verifyExitCode === 0);
    // Every check ran: a recipe that stopped early proves nothing.
    expect(output).toMatch(/(ok|FAIL) +(timestamp token|no timestamp\.tst)/);
    expect(output).toMatch(/(ok|FAIL) +manifest\.sig/);
    expect(output).toMatch(/(ok|FAIL) +seal/);
    if (code === 0) expect(output).not.toContain('FAIL');
  });

  it("the recipe's low-s bound is half of P-256's order, to the digit", async () => {
    const script = await readFile(RECIPE, 'utf8');
    const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
    expect(/half_n=([0-9a-f]+)/.exec(script)?.[1]).toBe((n >> 1n).toString(16).padStart(64, '0'));
  });

  it.each(['README.md', 'docs/bundle-format.md'])(
    'the recipe in %s is the script that runs here',
    async (file) => {
      const [doc, script] = await Promise.all([readFile(join(ROOT, file), 'utf8'), readFile(RECIPE, 'utf8')]);
      const block = /```sh\n(#!\/bin\/sh\n[\s\S]*?)```/.exec(doc)?.[1];
      expect(block).toBe(script);
    },
  );
});
