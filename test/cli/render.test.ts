import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { render as renderMain } from '@encore/cli/render.ts';
import { ROOT, runMain, runScript } from '../support/cli.ts';

/** `npm run render` in-process: what it prints and its exit code. */
const render = (...args: string[]) => runMain(renderMain, args);

describe('npm run render', async () => {
  it('lists every scenario, one a line, customers with their orders', async () => {
    const { status, stdout } = await render('--list');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('customer new-customer  Just created an account, no orders and no addresses');
    expect(lines.filter((l) => l.startsWith('order 11'))).toHaveLength(45);
    expect(lines.every((l) => /^(customer|order) \S+ {2}\S/.test(l))).toBe(true);
  });

  it('lists the scenarios of every bundled store, each line of another store ending with its file', async () => {
    const { status, stdout } = await render('--list');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(
      'customer hostile-customer  Every free-text field holds HTML, script, quote-breaking, Liquid, RTL override, emoji or a 2,000-character word',
    );
    expect(lines).toContain(
      'customer mette-hansen  Copenhagen customer paying in kroner: delivered by PostNord, MobilePay order waiting to ship, partial refund  [stores/dkk-store.json]',
    );
    expect(lines).toContain(
      'order 7001  Beans, drip bags and a drip set delivered by Yamato; consumption tax 10% and 8% (food) included  [stores/jpy-store.json]',
    );
    for (const file of ['dkk', 'eur', 'nok', 'thb', 'jpy'])
      expect(
        lines.some((l) => l.endsWith(`  [stores/${file}-store.json]`)),
        file,
      ).toBe(true);
  });

  it('lists only the store given with --fixtures, without file marks', async () => {
    const { status, stdout } = await render('--list', '--fixtures', 'tools/fixtures/stores/dkk-store.json');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      'customer mette-hansen  Copenhagen customer paying in kroner: delivered by PostNord, MobilePay order waiting to ship, partial refund',
      'order 2001  Two mugs and a bowl delivered by PostNord, VAT (moms) included',
      'order 2002  Paid with MobilePay yesterday, plates waiting to ship',
      'order 2003  Delivered, then one chipped mug refunded (VELKOMMEN10 code): partially refunded',
      'customer lars-nielsen  Aarhus customer: bank transfer pending, and an order ready for pickup in the shop',
      'order 2004  Bank transfer not received yet: payment pending',
      'order 2005  Pickup in the Jægersborggade shop: ready, not collected yet',
    ]);
  });

  it('finds a customer or an order of another bundled store without --fixtures', async () => {
    const account = await render('--template', 'customers/account', '--customer', 'mette-hansen');
    expect(account.status).toBe(0);
    // In the shop's primary language (Danish) without --locale, as Shopify serves its unprefixed URLs.
    expect(account.stdout).toContain('Velkommen tilbage, Mette');
    expect((await render('--template', 'customers/account', '--customer', 'mette-hansen', '--locale', 'en')).stdout).toContain('Welcome back, Mette');
    expect(account.stdout).toContain('<title>Nordlys Keramik');
    // 2 × 249,00 + 399,00 + 49,00 shipping, in the shop's Danish money formats; the 25% moms inside it shown apart.
    const order = await render('--template', 'customers/order', '--order', '2001');
    expect(order.status).toBe(0);
    expect(order.stdout).toContain('<td>946,00 DKK</td>');
    expect(order.stdout).toContain('<td>189,20 kr.</td>');
    const yen = await render('--template', 'customers/order', '--order', '7001');
    // The jpy store's primary language is Japanese, which the theme does not ship: its default (English) words.
    expect(yen.stdout).toContain('<h1 class="encore-order__title">Order #7001</h1>');
    expect(yen.stdout).toContain('¥10,500');
  });

  it("prints the account page with the second page of the loyal customer's orders", async () => {
    const { status, stdout } = await render('--template', 'customers/account', '--customer', 'loyal-customer', '--page', '2');
    expect(status).toBe(0);
    expect(stdout.startsWith('<!doctype html>')).toBe(true);
    // 45 orders newest first, 20 a page: page 2 holds #1125 down to #1106.
    expect(stdout).toContain('>#1125</a>');
    expect(stdout).toContain('>#1106</a>');
    expect(stdout).not.toContain('>#1126</a>');
    expect(stdout).not.toContain('>#1105</a>');
  });

  it('prints an order page by name without # or by id', async () => {
    const byName = await render('--template', 'customers/order', '--order', '1007');
    expect(byName.status).toBe(0);
    expect(byName.stdout).toContain('<h1 class="encore-order__title">Order #1007</h1>');
    expect(byName.stdout).toContain('$88.70 USD');
    const byId = await render('--template', 'customers/order', '--order', '6007');
    expect(byId.status).toBe(0);
    expect(byId.stdout).toContain('<h1 class="encore-order__title">Order #1007</h1>');
  });

  it('exits 2 with usage for a missing --customer or an unknown option', async () => {
    const missing = await render('--template', 'customers/account');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--template customers/account needs --customer HANDLE');
    expect(missing.stderr).toContain('Usage:');
    expect((await render('--bogus')).status).toBe(2);
  });

  it('exits 1 naming the customer when none has that handle', async () => {
    const { status, stderr } = await render('--template', 'customers/account', '--customer', 'nobody');
    expect(status).toBe(1);
    expect(stderr).toContain("no customer 'nobody' in the store");
    expect(stderr).not.toContain('    at ');
  });

  it('renders another theme folder and reports its mistakes with file and line, no stack trace', async () => {
    const theme = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-cli-theme-'));
    fs.cpSync(path.join(ROOT, 'theme'), theme, { recursive: true });
    const section = path.join(theme, 'sections', 'encore-main-order.liquid');
    const lines = fs.readFileSync(section, 'utf8').split('\n');
    lines.splice(4, 0, '{{ order.total_price | monee }}');
    fs.writeFileSync(section, lines.join('\n'));
    const { status, stderr } = await render('--template', 'customers/order', '--order', '1001', '--theme', theme);
    expect(status).toBe(1);
    expect(stderr.trim()).toBe("sections/encore-main-order.liquid:5: unknown filter 'monee'");
  });

  it('stops a page over its render budget (a loop of 20,000 × 20,000): exit 1, the limit with its file and line', async () => {
    const theme = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-cli-theme-'));
    fs.cpSync(path.join(ROOT, 'theme'), theme, { recursive: true });
    fs.writeFileSync(
      path.join(theme, 'templates', 'customers', 'order.liquid'),
      'a\n{% for i in (1..20000) %}{% for j in (1..20000) %}x{% endfor %}{% endfor %}',
    );
    fs.rmSync(path.join(theme, 'templates', 'customers', 'order.json'));
    const { status, stdout, stderr } = await render('--template', 'customers/order', '--order', '1001', '--theme', theme);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('templates/customers/order.liquid:2: Render budget exceeded: more than 1,000,000 loop iterations and partials in one page');
  });

  it('prints runtime errors inline like a storefront, lists them on stderr with file and line, and exits 1 only with --strict', async () => {
    const theme = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-cli-theme-'));
    fs.cpSync(path.join(ROOT, 'theme'), theme, { recursive: true });
    fs.writeFileSync(path.join(theme, 'templates', 'customers', 'order.liquid'), 'a\n{{ 7 | modulo: 0 }}\n{% render "nowhere" %}b');
    fs.rmSync(path.join(theme, 'templates', 'customers', 'order.json'));
    const args = ['--template', 'customers/order', '--order', '1001', '--theme', theme];
    const lenient = await render(...args);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain(
      'a\nLiquid error (templates/customers/order line 2): divided by 0\nLiquid error (templates/customers/order line 3): Could not find asset nowhereb',
    );
    expect(lenient.stderr.trim().split('\n')).toEqual([
      'templates/customers/order.liquid:2: Liquid error: divided by 0',
      'templates/customers/order.liquid:3: Liquid error: Could not find asset nowhere',
    ]);
    const strict = await render(...args, '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe(lenient.stderr);
    // The script itself: the whole page flushed before the process ends with --strict's 1 as its exit code.
    const script = await runScript('tools/cli/src/render.ts', [...args, '--strict']);
    expect(script).toEqual(strict);
  });

  it('names the locales the shop publishes when --locale asks for another, in one line', async () => {
    const { status, stderr } = await render('--template', 'customers/order', '--order', '1001', '--locale', 'zz');
    expect(status).toBe(1);
    expect(stderr.trim()).toBe("the shop does not publish the locale 'zz'; it publishes en, fr");
  });

  it('reports a bad fixture file by JSON path', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'encore-cli-store-')), 'store.json');
    const store = JSON.parse(fs.readFileSync(path.join(ROOT, 'tools/fixtures/stores/default-store.json'), 'utf8'));
    store.customers[2].orders[0].line_items[0].quantity = 0;
    fs.writeFileSync(file, JSON.stringify(store));
    const { status, stderr } = await render('--list', '--fixtures', file);
    expect(status).toBe(1);
    expect(stderr).toContain('/customers/2/orders/0/line_items/0/quantity');
  });
});
