// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumPath, openPage, SKIP_MESSAGE, useBrowserAndStudio } from './support.ts';

if (!chromiumPath) console.warn(`Skipping the axe-core checks: ${SKIP_MESSAGE}`);

/**
 * The account page (a short history and a paginated one), two order pages (one of them the hostile order), and
 * the thank-you, order-status and order-index extensions as the studio's preview host draws them.
 */
const PAGES = [
  '/account?customer=casey',
  '/account?customer=loyal-customer&page=2',
  '/account/orders/1003',
  '/account/orders/1015',
  '/extensions/encore-thank-you?order=1003',
  '/extensions/encore-order-status?order=1003',
  '/extensions/encore-order-index?customer=loyal-customer',
];

describe.skipIf(!chromiumPath)('axe-core in Chromium', () => {
  const session = useBrowserAndStudio();

  it.each(PAGES)('%s has no serious or critical violations', async (path) => {
    const { page, status } = await openPage(session.browser, session.studio.base + path);
    try {
      const violations = await axeViolations(page);
      // Every finding is printed, minor ones too, so a theme author sees them without rerunning axe by hand.
      for (const violation of violations) console.log(`axe ${path}: ${violation.impact} ${violation.id} (${violation.help}) at ${violation.targets.join(', ')}`);
      const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(blocking.map((violation) => `${violation.impact} ${violation.id}: ${violation.targets.join(', ')}`), path).toEqual([]);
      // axe ran against the real page, not an error page: theme pages have the layout's main landmark; an
      // extension draws into the preview host's bare body (no landmark, axe's moderate findings above), so there
      // the sign is the extension's own headings.
      expect(status, path).toBe(200);
      const drawn = path.startsWith('/extensions/') ? page.getByRole('heading') : page.locator('main, [role="main"]');
      expect(await drawn.count(), `${path} has its content`).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 30_000);
});
