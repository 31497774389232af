import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELOAD_SCRIPT } from '@encore/studio/live-reload.ts';
import { studioFor } from './support.ts';

let studio: Awaited<ReturnType<typeof studioFor>>;
beforeAll(async () => {
  studio = await studioFor();
});
afterAll(() => studio.close());

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the studio asks the extension previews first', () => {
  it('serves /extensions/HANDLE pages from them, with the live-reload script once', async () => {
    for (const path of [
      '/extensions/encore-thank-you?order=1003',
      '/extensions/encore-order-status?order=1003&locale=da',
      '/extensions/encore-order-index?customer=loyal-customer',
    ]) {
      const page = await studio.get(path);
      expect(page.status, path).toBe(200);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(page.body).toContain(`${RELOAD_SCRIPT}</body>`);
      expect(count(page.body, 'data-encore-live-reload')).toBe(1);
    }
  });

  it('leaves their scripts as they are', async () => {
    const script = await studio.get('/__encore/ext/host.js');
    expect(script.status).toBe(200);
    expect(script.type).toBe('text/javascript; charset=utf-8');
    expect(script.body).not.toContain('data-encore-live-reload');
  });

  it('answers 404 for what neither they nor the studio know, with the HTML 404 page naming the path', async () => {
    expect((await studio.get('/extensions/encore-nothing?order=1003')).status).toBe(404);
    for (const path of ['/__encore/ext/nothing', '/extensions/encore-thank-you/extra']) {
      const page = await studio.get(path);
      expect([page.status, page.type], path).toEqual([404, 'text/html; charset=utf-8']);
      expect(page.body).toContain(`>${path}</code>.</p>`);
      expect(page.body).toContain('<a href="/">All scenarios</a>');
    }
  });

  it('takes a trailing slash on every preview, the post-purchase one included', async () => {
    const thankYou = await studio.get('/extensions/encore-thank-you/?order=1004&locale=da');
    expect([thankYou.status, /<html lang="([^"]+)"/.exec(thankYou.body)?.[1]]).toEqual([200, 'da']);
    const upsell = await studio.get('/extensions/encore-post-purchase-upsell/?order=1004&locale=da');
    expect(upsell.status).toBe(200);
    expect(upsell.body).toContain('<script type="module" src="/__encore/ext/post-purchase/host.js"></script>');
    expect(upsell.body).toContain('<html lang="da">');
  });
});
