import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { themeAdd } from '@encore/cli/theme-add.ts';
import { runMain, runScript } from '../support/cli.ts';

/** `npm run theme:add` in-process: what it prints and its exit code. */
const run = (...args: string[]) => runMain(themeAdd, args);

/** A small host theme of its own (not Encore's, not Dawn): a layout, the two customer templates, two locales. */
function hostTheme(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-host-'));
  const files: Record<string, string> = {
    'layout/theme.liquid': '<!doctype html><html><head>{{ content_for_header }}</head><body>{{ content_for_layout }}</body></html>\n',
    'templates/customers/account.json': '{ "sections": { "main": { "type": "main-account" } }, "order": ["main"] }\n',
    'templates/customers/order.liquid': '<h1>{{ order.name }}</h1>\n',
    'sections/main-account.liquid': '<h1>{{ customer.name }}</h1>\n',
    'locales/en.default.json': '/* the host theme */\n{\n  "general": { "title": "Shop" }\n}\n',
    'locales/da.json': '{\n  "general": { "title": "Butik" }\n}\n',
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const full = path.join(e.parentPath, e.name);
        return [path.relative(dir, full), fs.readFileSync(full, 'utf8')];
      }),
  );

describe('npm run theme:add', () => {
  it('--dry-run prints every change and writes nothing', async () => {
    const dir = hostTheme();
    const before = snapshot(dir);
    const { status, stdout } = await run('--theme', dir, '--dry-run');
    expect(status).toBe(0);
    expect(stdout).toContain('would change sections/encore-main-order.liquid: added');
    expect(stdout).toContain('would change locales/da.json: merged encore');
    expect(stdout).toContain("note: locales/nb.json: the theme has no nb locale file, so Encore's nb words are not added");
    expect(stdout).toContain('would change templates/customers/order.liquid: removed: templates/customers/order.json replaces it');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^theme:add: \d+ files would change \(dry run: nothing written\)$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('adds into a theme with a Liquid order template and a commented locale file, and --remove gives back every byte', async () => {
    const dir = hostTheme();
    const before = snapshot(dir);
    expect((await run('--theme', dir)).status).toBe(0);
    const added = snapshot(dir);
    expect(added['templates/customers/order.liquid']).toBeUndefined();
    // The theme had no schema translations: Encore's English ones become its file, so the section settings have names.
    expect(JSON.parse(added['locales/en.default.schema.json']!).sections['encore-main-order'].name).toBeTypeOf('string');
    expect(JSON.parse(added['templates/customers/order.json']!).sections.main.type).toBe('encore-main-order');
    // The theme's comment and its own keys stay; Encore's words join under "encore".
    expect(added['locales/en.default.json']).toMatch(/^\/\* the host theme \*\/\n\{\n {2}"general": \{ "title": "Shop" \},\n {2}"encore": \{/);
    expect((await run('--theme', dir)).stdout.trim().split('\n').at(-1)).toBe('theme:add: nothing to change');
    expect(snapshot(dir)).toEqual(added);
    const removed = await run('--theme', dir, '--remove');
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain('changed templates/customers/order.liquid: restored');
    expect(snapshot(dir)).toEqual(before);
  });

  it('says so when Encore is not in the theme, and needs --theme', async () => {
    const dir = hostTheme();
    expect((await run('--theme', dir, '--remove')).stdout).toContain("note: no assets/encore-manifest.json: Encore's sections are not in this theme");
    const usage = await run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--theme DIR is required');
    // The script itself ends with the same 2 as the process's exit code, after the same words.
    expect(await runScript('tools/cli/src/theme-add.ts', [])).toEqual(usage);
  });

  it('refuses Encore\'s own theme, naming why, and a theme whose locale file has its own "encore" key', async () => {
    expect((await run('--theme', 'theme')).stderr.trim()).toBe(
      "theme: that is Encore's own theme: name the theme to add Encore's sections to; nothing was changed",
    );
    const dir = hostTheme();
    fs.writeFileSync(path.join(dir, 'locales/da.json'), '{ "encore": { "mine": "x" } }\n');
    const refused = await run('--theme', dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(`${dir}: locales/da.json already has "encore", which Encore did not add; nothing was changed`);
    expect(fs.existsSync(path.join(dir, 'sections/encore-main-order.liquid'))).toBe(false);
  });
});
