import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionBuildWarning } from './extension-build';

async function buildWith(hostPermissions: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'build-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ host_permissions: hostPermissions }));
  return dir;
}

describe('extensionBuildWarning', () => {
  it("warns that the store build, which may read Jeejio's hosts only, will not see third parties", async () => {
    const dir = await buildWith(['*://*.jeejio.com/*']);
    expect(extensionBuildWarning(dir)).toBe(
      `The extension in ${dir} may read only *://*.jeejio.com/*: third parties' requests and cookies will not be seen. The audit build (npm run build:audit) holds all sites.`,
    );
  });

  it('says nothing of the audit build, which holds all sites', async () => {
    expect(extensionBuildWarning(await buildWith(['*://*.jeejio.com/*', '<all_urls>']))).toBeUndefined();
  });
});
