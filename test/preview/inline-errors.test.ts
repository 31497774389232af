import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studioFor, themeCopy } from './support.ts';

/**
 * A runtime error in a theme page prints inline and the page goes on, as Shopify's storefront does
 * (`Liquid error (sections/… line N): …`); the studio lists each above the page with its file and line.
 */
describe('a runtime Liquid error in the theme', () => {
  const dir = themeCopy();
  // The order page's main section, whatever the theme calls it.
  const template = JSON.parse(fs.readFileSync(path.join(dir, 'templates/customers/order.json'), 'utf8'));
  const sectionFile = `sections/${template.sections[template.order?.[0] ?? Object.keys(template.sections)[0]].type}.liquid`;
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    const file = path.join(dir, sectionFile);
    // Line 1 divides by zero; the customer's order name, printed after it, must still show.
    fs.writeFileSync(
      file,
      `<p class="x">{{ 1 | divided_by: 0 }}</p><p class="y">{{ "<b>" | append: order.name | escape }}</p>\n${fs.readFileSync(file, 'utf8')}`,
    );
    studio = await studioFor({ themeDir: dir });
  });
  afterAll(async () => {
    await studio.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 200 with the error printed in place, the rest of the page rendered, and a banner naming file and line', async () => {
    const { status, body } = await studio.get('/account/orders/1003');
    expect(status).toBe(200);
    const printed = `Liquid error (${sectionFile.replace(/\.liquid$/, '')} line 1): divided by 0`;
    expect(body).toContain(`<p class="x">${printed}</p><p class="y">&lt;b&gt;#1003</p>`);
    const banner = /<aside class="encore-studio-problems"[^>]*>([\s\S]*?)<\/aside>/.exec(body)?.[1] ?? '';
    expect(banner).toContain('1 Liquid error on this page');
    expect(banner).toContain(`<code>${sectionFile}:1:</code> divided by 0`);
  });

  it('leaves Section Rendering API fragments without the banner', async () => {
    const { status, body } = await studio.get('/account/orders/1003?section_id=main');
    expect(status).toBe(200);
    expect(body).toContain('divided by 0');
    expect(body).not.toContain('encore-studio-problems');
  });

  it('shows no banner on a page without errors', async () => {
    const { body } = await studio.get('/account?customer=casey');
    expect(body).not.toContain('encore-studio-problems');
  });
});
