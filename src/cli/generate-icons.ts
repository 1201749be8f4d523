import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../harness/extension-build';
import { findChromium } from '../harness/find-chromium';
import { launchChromium } from '../harness/launch-with-extension';

/**
 * `npm run generate:icons`: the extension's icons (public/icon/16…128.png,
 * which WXT lists in the manifest), drawn by Chromium from public/icon.svg,
 * their one source. The stores ask for PNGs; no image library is needed for
 * a browser to rasterise an SVG.
 */
const SIZES = [16, 32, 48, 128] as const;

const svg = await readFile(join(PROJECT_ROOT, 'public/icon.svg'), 'utf8');
const browser = await launchChromium({ chromePath: findChromium() });
try {
  const page = await browser.context.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await writeFile(join(PROJECT_ROOT, `public/icon/${size}.png`), png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
