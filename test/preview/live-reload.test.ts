import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELOAD_SCRIPT } from '@encore/studio/live-reload.ts';
import { studioFor, themeCopy } from './support.ts';

/** Opens the event stream and resolves with the first `reload` event's data. */
async function listen(url: string): Promise<{ next: Promise<{ files: string[] }>; stop: () => void }> {
  const controller = new AbortController();
  const response = await fetch(new URL('/__encore/reload', url), { signal: controller.signal });
  expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const next = (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended: ${text}`);
      text += decoder.decode(value, { stream: true });
      const event = /event: reload\ndata: (.*)\n\n/.exec(text);
      if (event) return JSON.parse(event[1]) as { files: string[] };
    }
  })();
  next.catch(() => {});
  return { next, stop: () => controller.abort() };
}

describe('live reload of a theme edit', () => {
  const dir = themeCopy();
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    studio = await studioFor({ themeDir: dir });
  });
  afterAll(async () => {
    await studio.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts the reload script in full pages only', async () => {
    expect((await studio.get('/')).body).toContain(`${RELOAD_SCRIPT}</body>`);
    expect((await studio.get('/account/orders/1003')).body).toContain(`${RELOAD_SCRIPT}</body>`);
    expect((await studio.get('/account?customer=loyal-customer&section_id=main')).body).not.toContain('data-encore-live-reload');
  });

  // How soon the event comes depends on the machine (the studio gathers changes for 50 ms): the test waits for it.
  it('tells open pages of a save, and the next render shows the edit', async () => {
    const stream = await listen(studio.url);
    const section = path.join(dir, 'sections', 'encore-main-order.liquid');
    fs.writeFileSync(
      section,
      fs.readFileSync(section, 'utf8').replace('class="encore-order__title"', 'class="encore-order__title encore-order__title--edited"'),
    );
    const event = await stream.next;
    stream.stop();
    expect(event.files).toContain(section);
    expect((await studio.get('/account/orders/1001')).body).toContain('<h1 class="encore-order__title encore-order__title--edited">Order #1001</h1>');
  });
});

describe('live reload of a fixture edit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-studio-fixture-'));
  const file = path.join(dir, 'store.json');
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    fs.copyFileSync(new URL('../../tools/fixtures/stores/dkk-store.json', import.meta.url), file);
    studio = await studioFor({ storeFile: file });
  });
  afterAll(async () => {
    await studio.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reloads the store, then tells the pages', async () => {
    expect((await studio.get('/')).body).toContain('<h1>Nordlys Keramik</h1>');
    const stream = await listen(studio.url);
    const store = JSON.parse(fs.readFileSync(file, 'utf8'));
    store.$schema = undefined;
    store.shop.name = 'Nordlys Keramik & Co';
    fs.writeFileSync(file, JSON.stringify(store));
    const event = await stream.next;
    stream.stop();
    expect(event.files).toEqual([file]);
    expect((await studio.get('/')).body).toContain('<h1>Nordlys Keramik &amp; Co</h1>');
  });

  it('keeps the last good store when the fixture is broken, and says why', async () => {
    const stream = await listen(studio.url);
    fs.writeFileSync(file, '{ "shop": ');
    await stream.next;
    stream.stop();
    expect((await studio.get('/')).body).toContain('<h1>Nordlys Keramik &amp; Co</h1>');
    expect(studio.warnings.at(-1)).toContain('The studio keeps the last store that loaded.');
    // The open pages are told too: they reload, and a theme page names the problem above the last good store.
    const page = (await studio.get('/account/orders/2001')).body;
    const banner = /<aside class="encore-studio-problems"[^>]*>([\s\S]*?)<\/aside>/.exec(page)?.[1] ?? '';
    expect(banner).toContain('The store fixture did not reload');
    expect(banner).toContain('store.json');
    expect(banner).toContain('The studio keeps the last store that loaded.');
  });

  it('drops the banner once the fixture loads again', async () => {
    const stream = await listen(studio.url);
    const store = JSON.parse(fs.readFileSync(new URL('../../tools/fixtures/stores/dkk-store.json', import.meta.url), 'utf8'));
    fs.writeFileSync(file, JSON.stringify(store));
    await stream.next;
    stream.stop();
    expect((await studio.get('/account/orders/2001')).body).not.toContain('encore-studio-problems');
  });
});

describe('live reload of an extension edit', () => {
  let studio: Awaited<ReturnType<typeof studioFor>>;
  // A copy of one extension's locales: touching the repository's own would reload the pages of every other
  // studio the suite has open at the time.
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-extensions-'));
  beforeAll(async () => {
    fs.cpSync(fileURLToPath(new URL('../../extensions/thank-you/locales', import.meta.url)), path.join(extensionsDir, 'thank-you', 'locales'), {
      recursive: true,
    });
    studio = await studioFor({ extensionsDir });
  });
  afterAll(async () => {
    await studio.close();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  });

  it('watches extensions/NAME/locales (a touch, so the file stays as it is)', async () => {
    const file = path.join(extensionsDir, 'thank-you', 'locales', 'en.default.json');
    const stream = await listen(studio.url);
    const now = new Date();
    fs.utimesSync(file, now, now);
    const event = await stream.next;
    stream.stop();
    // Other work in the tree may land in the same event: the touched file is among the files named.
    expect(event.files).toContain(file);
  });
});
