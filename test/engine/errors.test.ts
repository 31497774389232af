import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Theme } from '@encore/liquid/theme/theme.ts';
import { renderPage } from '@encore/liquid/theme/page.ts';
import { defaultRenderState } from '@encore/liquid/state.ts';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { coverage } from '@encore/liquid/coverage.ts';

/** A throwaway theme whose customers/account template shows one section, `broken`. */
function themeWith(files: Record<string, string>): Theme {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-theme-'));
  const all: Record<string, string> = {
    'layout/theme.liquid': '{{ content_for_header }}{{ content_for_layout }}',
    'templates/customers/account.json': '{ "sections": { "main": { "type": "broken" } } }',
    ...files,
  };
  for (const [name, source] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), source);
  }
  return new Theme(dir);
}

const render = (theme: Theme) => renderPage(theme, { template: 'customers/account', globals: {}, shop: defaultRenderState().shop });

describe('errors name the theme file and line', () => {
  it('reports an unknown filter with its section file and line', async () => {
    const theme = themeWith({ 'sections/broken.liquid': '<p>\n  fine\n  {{ 5 | monee }}\n</p>' });
    await expect(render(theme)).rejects.toThrow("sections/broken.liquid:3: unknown filter 'monee'");
  });

  it('prints a documented filter the engine lacks as an inline error where it runs, and the page goes on', async () => {
    const [filters] = coverage(createLiquid());
    const missing = filters.missing[0];
    expect(missing).toBeDefined();
    const theme = themeWith({ 'sections/broken.liquid': `before\n{% if false %}{{ 5 | ${missing} }}{% endif %}\n{{ 5 | ${missing} }}\nafter` });
    const page = await render(theme);
    // The branch that never runs costs nothing; the one that runs prints Shopify's inline form.
    expect(page.body).toContain(`before\n\nLiquid error (sections/broken line 3): filter '${missing}' is not emulated yet\nafter`);
    expect(page.errors).toEqual([
      {
        file: 'sections/broken.liquid',
        line: 3,
        message: `filter '${missing}' is not emulated yet`,
        printed: `Liquid error (sections/broken line 3): filter '${missing}' is not emulated yet`,
      },
    ]);
  });

  it('prints runtime errors inline with the file and line, as a storefront does, and renders the rest', async () => {
    const theme = themeWith({
      'sections/broken.liquid': '<p>{{ 10 | divided_by: 0 }}</p>\n{% render "card" %}\n{% render "missing" %}<p>end</p>',
      'snippets/card.liquid': 'card\n{{ "x" | times: nil | modulo: 0 }}',
    });
    const page = await render(theme);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<p>Liquid error (sections/broken line 1): divided by 0</p>');
    expect(page.body).toContain('card\nLiquid error (snippets/card line 2): divided by 0');
    // Ruby's file system names no line for a missing snippet; Shopify's storefront names the line that asked for it.
    expect(page.body).toContain('Liquid error (sections/broken line 3): Could not find asset missing<p>end</p>');
    expect(page.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
      'sections/broken.liquid:1: divided by 0',
      'snippets/card.liquid:2: divided by 0',
      'sections/broken.liquid:3: Could not find asset missing',
    ]);
  });

  it('names the snippet, not the section, for a mistake inside a rendered snippet', async () => {
    const theme = themeWith({
      'sections/broken.liquid': 'a\n{% render "card" %}',
      'snippets/card.liquid': 'x\ny\n{% if %}',
    });
    await expect(render(theme)).rejects.toThrow(/^snippets\/card\.liquid:3: /);
  });

  it('names the JSON template and line for malformed JSON', async () => {
    const theme = themeWith({ 'templates/customers/account.json': '{\n  "sections": {\n    "main": { "type": "broken", }\n  }\n}' });
    await expect(render(theme)).rejects.toThrow(/^templates\/customers\/account\.json:3: invalid JSON/);
  });

  it('names the schema line for malformed JSON in {% schema %}', async () => {
    const theme = themeWith({ 'sections/broken.liquid': 'hi\n{% schema %}\n{\n  "name": "x",\n}\n{% endschema %}' });
    await expect(render(theme)).rejects.toThrow(/^sections\/broken\.liquid:5: invalid JSON in \{% schema %\}/);
  });

  it('picks up a changed file on the next render (parsed templates are cached until then)', async () => {
    const theme = themeWith({ 'sections/broken.liquid': 'one' });
    expect((await render(theme)).body).toContain('>one<');
    const file = theme.path('sections/broken.liquid');
    fs.writeFileSync(file, 'two');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect((await render(theme)).body).toContain('>two<');
  });
});
