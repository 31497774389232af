import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { parseOptions, runCli, UsageError } from './run.ts';
import { checkThemeDir } from '@encore/liquid/theme/theme-dir.ts';
import { DEFAULT_THEME_DIR } from '@encore/studio/storefront.ts';
import { applyPlan, planAdd } from './theme-add/plan.ts';
import { startStudio } from '@encore/studio/studio.ts';
import { besideModule } from '@encore/liquid/paths.ts';
import { CHROMIUM_CANDIDATES, CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';

const ROOT = besideModule(import.meta.url, '../../..');
const DAWN = path.join(ROOT, '..', 'shared', 'themes', 'dawn-15.4.1');

const USAGE = `Usage: npm run screenshots [-- --theme DIR] [--out DIR]

Pictures of Encore's sections inside a host theme (default: Dawn 15.4.1 in
../shared/themes), as the README shows them: a temporary copy of the theme with
npm run theme:add, served by the studio, the account and order pages at 1280
and 390 px in the system Chromium, written to --out (default docs/screenshots).`;

/** The pages and widths the README shows. */
const SHOTS = [
  { name: 'account', route: '/account?customer=casey' },
  { name: 'order', route: '/account/orders/1003' },
];
const WIDTHS = [1280, 390];

runCli(async () => {
  const { values } = parseOptions({ theme: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const theme = values.theme ?? DAWN;
  checkThemeDir(theme);
  if (!chromiumPath) throw new UsageError(`no Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}, $CHROME_PATH): apt-get install chromium`);
  const out = path.resolve(values.out ?? path.join(ROOT, 'docs', 'screenshots'));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-screenshots-'));
  fs.cpSync(theme, copy, { recursive: true });
  applyPlan(copy, planAdd(copy, DEFAULT_THEME_DIR));
  const [browser, studio] = await Promise.all([
    chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS }),
    startStudio({ port: 0, host: '127.0.0.1', themeDir: copy, warn: () => {}, log: () => {} }),
  ]);
  try {
    fs.mkdirSync(out, { recursive: true });
    for (const { name, route } of SHOTS) {
      for (const width of WIDTHS) {
        // Reduced motion: themes reveal sections as they scroll into view (Dawn's scroll-trigger), which a
        // full-page picture never does.
        const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
        await page.goto(new URL(route, studio.url).href, { waitUntil: 'load' });
        // Lazy images below the fold load before the full-page picture, and fonts before anything is drawn.
        await page.evaluate(async () => {
          for (const image of document.images) image.loading = 'eager';
          await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
          await document.fonts.ready;
        });
        const file = path.join(out, `${path.basename(theme).replace(/-\d.*$/, '')}-${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await page.close();
        process.stdout.write(`${path.relative(ROOT, file)}\n`);
      }
    }
  } finally {
    await browser.close();
    await studio.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}, USAGE);
