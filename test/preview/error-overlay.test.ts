import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELOAD_SCRIPT } from '@encore/studio/live-reload.ts';
import { studioFor, themeCopy } from './support.ts';

describe('a Liquid error in the theme', () => {
  const dir = themeCopy();
  const section = path.join(dir, 'sections', 'encore-main-order.liquid');
  const original = fs.readFileSync(section, 'utf8');
  const lines = original.split('\n');
  // A tag that never closes, with markup in it that must show as text, on a known line.
  const brokenLine = lines.findIndex((text) => text.includes('class="encore-order__title"')) + 1;
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    lines[brokenLine - 1] = '{% if order.name == "<b>x</b>" %}' + lines[brokenLine - 1];
    fs.writeFileSync(section, lines.join('\n'));
    studio = await studioFor({ themeDir: dir });
  });
  afterAll(async () => {
    await studio.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows an overlay naming the file, line and message, escaped, with status 500', async () => {
    const { status, type, body } = await studio.get('/account/orders/1003');
    expect(status).toBe(500);
    expect(type).toBe('text/html; charset=utf-8');
    const where = /<code class="encore-error__where">([^<]*)<\/code>/.exec(body)?.[1];
    expect(where).toBe(`sections/encore-main-order.liquid:${brokenLine}`);
    expect(/<p class="encore-error__message">([^<]*)<\/p>/.exec(body)?.[1]).toMatch(/tag .*if.* not closed/);
    // The marked source line is the broken one, its markup escaped.
    const marked = /<span class="encore-error__line">([^<]*)<\/span>/.exec(body)?.[1];
    expect(marked).toContain(`${brokenLine}  {% if order.name == &quot;&lt;b&gt;x&lt;/b&gt;&quot; %}`);
    expect(body).not.toContain('<b>x</b>');
    expect(body).toContain('While rendering <code>GET /account/orders/1003</code>');
    expect(body).toContain(`${RELOAD_SCRIPT}</body>`);
  });

  it('goes away once the file is fixed', async () => {
    fs.writeFileSync(section, original);
    // The file-system event comes when the machine gets to it: ask until the page is back (20 s only as a safety net).
    await expect.poll(async () => (await studio.get('/account/orders/1003')).status, { timeout: 20_000, interval: 50 }).toBe(200);
  });
});
