/**
 * The post-purchase preview over HTTP: the page embeds the order's input signed with the studio backend's
 * secret, and the host and the extension's bundle build for the browser.
 */
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_API_SECRET } from '../../app/secrets.ts';
import { usePreviewServer } from './support.ts';

const preview = usePreviewServer();
const { get } = preview;

interface Config {
  inputData: { token: string; locale: string; initialPurchase: { referenceId: string; lineItems: unknown[] } };
  bundle: string;
  cdnPrefix: string;
}

function configOf(html: string): Config {
  const json = /<script type="application\/json" id="encore-post-purchase">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('the page embeds no post-purchase input');
  return JSON.parse(json) as Config;
}

describe('post-purchase preview page', () => {
  it('answers HTML with the host script and the order input, signed with the development secret', async () => {
    const page = await get('/extensions/encore-post-purchase-upsell?order=1004&locale=en');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script type="module" src="/__encore/ext/post-purchase/host.js"></script>');
    expect(page.body).toContain('<html lang="en">');
    const config = configOf(page.body);
    expect(config.bundle).toBe('/__encore/ext/post-purchase/bundle.js');
    expect(config.inputData.locale).toBe('en');
    expect(config.inputData.initialPurchase.lineItems.length).toBeGreaterThan(0);
    const { payload } = await jwtVerify(config.inputData.token, new TextEncoder().encode(DEVELOPMENT_API_SECRET));
    expect(payload.iss).toBe('shopify');
    expect(payload.sub).toBe(config.inputData.initialPurchase.referenceId);
    expect(config.cdnPrefix).toBe(`https://${preview.server.storefront.store.shop.domain}/cdn/`);
  });

  it('passes the locale to the input and the page', async () => {
    const page = await get('/extensions/encore-post-purchase-upsell?order=1004&locale=fr');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="fr">');
    expect(configOf(page.body).inputData.locale).toBe('fr');
  });

  it.each([
    ['1002', 'no credit card was charged or authorized at checkout'],
    ['1014', 'it is a B2B order, bought for a company'],
    ['1012', 'import duties were charged at checkout'],
  ])('order %s: the page says why Shopify would skip the post-purchase page', async (order, reason) => {
    const page = await get(`/extensions/encore-post-purchase-upsell?order=${order}&locale=en`);
    expect(page.status).toBe(200);
    const skipped = (configOf(page.body) as Config & { skipped: string | null }).skipped;
    expect(skipped).toContain('Shopify skips the post-purchase page for this order: ');
    expect(skipped).toContain(reason);
  });

  it('order 1004, paid by Mastercard, is shown the page: nothing to explain', async () => {
    const page = await get('/extensions/encore-post-purchase-upsell?order=1004&locale=en');
    expect((configOf(page.body) as Config & { skipped: string | null }).skipped).toBeNull();
  });

  it.each([
    ['/extensions/encore-post-purchase-upsell?order=9999&locale=en', 'no order &#34;9999&#34; in the store'],
    ['/extensions/encore-post-purchase-upsell?order=1004&locale=xx', 'does not publish the locale &#34;xx&#34;'],
  ])('%s answers 404 naming what is missing', async (path, message) => {
    const page = await get(path);
    expect(page.status).toBe(404);
    expect(page.body).toContain(message);
  });
});

describe('post-purchase scripts', () => {
  it('bundles the extension with React and the backend at the page origin', async () => {
    const script = await get('/__encore/ext/post-purchase/bundle.js');
    expect(script.status).toBe(200);
    expect(script.type).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('Checkout::PostPurchase::ShouldRender');
    expect(script.body).toContain('self.location.origin');
    expect(script.body).not.toContain('process.env.ENCORE_APP_URL');
  }, 30_000);

  it('bundles the host with the remote-ui receiver', async () => {
    const script = await get('/__encore/ext/post-purchase/host.js');
    expect(script.status).toBe(200);
    expect(script.body).toContain('createRemoteReceiver');
    expect(script.body).toContain('Thank-you page');
  }, 30_000);
});
