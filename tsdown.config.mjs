import { defineConfig } from 'tsdown';
/** @type {import('tsdown').UserConfig} */

// The package's Node side, compiled: the command (`jeejio-privacy-inspector`) and the Playwright
// fixture with its types. Everything but the browser drivers is bundled in, so an install needs no
// build tools and no TypeScript at run time; Playwright stays the user's (a dependency, and the
// fixture's peer), so the fixture extends the very @playwright/test their tests import; puppeteer-core
// (a dependency, loaded only by `audit --browser firefox`) keeps its own optional native modules.
export default defineConfig({
  entry: { cli: 'src/cli/bin.ts', playwright: 'src/playwright/index.ts' },
  outDir: 'dist',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  dts: true,
  clean: true,
  external: [
    /^playwright-core(\/|$)/,
    /^@playwright\/test(\/|$)/,
    /^playwright(\/|$)/,
    /^puppeteer-core(\/|$)/,
  ],
  inlineOnly: false,
});
