import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studioFor } from '../preview/support.ts';
import { DAWN_DIR, dawnSuite, HAS_DAWN } from '../support/dawn.ts';

/** `npm start -- --theme DIR` with Dawn: the studio serves each customer template the theme has from the theme. */
describe.skipIf(!HAS_DAWN)(dawnSuite('the studio with Dawn as --theme'), () => {
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    studio = await studioFor({ themeDir: DAWN_DIR });
  });
  afterAll(async () => {
    await studio.close();
  });

  const routes: [string, RegExp][] = [
    ['/account?customer=casey', /<h1 class="customer__title">Account<\/h1>/],
    ['/account/orders/1003', /<h2>Order #1003<\/h2>/],
    ['/account/addresses?customer=casey', /<h1>Addresses<\/h1>/],
    ['/account/login', /<h1 id="login" tabindex="-1">\s*Login\s*<\/h1>/],
    ['/account/register', /<h1>\s*Create account\s*<\/h1>/],
    ['/account/activate/9001/token', /<h1>\s*Activate account\s*<\/h1>/],
    ['/account/reset/9001/token', /<h1>\s*Reset account password\s*<\/h1>/],
    ['/fr/account/login', /<html class="js" lang="fr">/],
  ];
  for (const [route, heading] of routes) {
    it(`serves ${route} from Dawn's own template, with no error banner`, async () => {
      const { status, body } = await studio.get(route);
      expect(status).toBe(200);
      expect(body).toMatch(heading);
      expect(body).not.toContain('encore-studio-problems');
    });
  }

  it('asks whose address book to open when /account/addresses names no customer', async () => {
    const { status, body } = await studio.get('/account/addresses');
    expect(status).toBe(200);
    expect(body).toContain('href="/account/addresses?customer=casey"');
  });
});
