import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELOAD_SCRIPT } from '../../scripts/preview/live-reload.ts';
import { studioFor } from './support.ts';

let studio: Awaited<ReturnType<typeof studioFor>>;
beforeAll(async () => { studio = await studioFor(); });
afterAll(() => studio.close());

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the studio asks the extension previews first', () => {
  it('serves /extensions/HANDLE pages from them, with the live-reload script once', async () => {
    for (const path of ['/extensions/encore-thank-you?order=1003', '/extensions/encore-order-status?order=1003&locale=da', '/extensions/encore-order-index?customer=loyal-customer']) {
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

  it('answers 404 for what neither they nor the studio know', async () => {
    expect((await studio.get('/extensions/encore-nothing?order=1003')).status).toBe(404);
    expect((await studio.get('/__encore/ext/nothing')).status).toBe(404);
  });
});
