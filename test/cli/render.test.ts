import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function render(...args: string[]) {
  const result = spawnSync(TSX, ['scripts/cli/render.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run render', () => {
  it('lists every scenario, one a line, customers with their orders', () => {
    const { status, stdout } = render('--list');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toContain('customer new-customer  Just created an account, no orders and no addresses');
    expect(lines.filter((l) => l.startsWith('order 11'))).toHaveLength(45);
    expect(lines.every((l) => /^(customer|order) \S+ {2}\S/.test(l))).toBe(true);
  });

  it('prints the account page with the second page of the loyal customer\'s orders', () => {
    const { status, stdout } = render('--template', 'customers/account', '--customer', 'loyal-customer', '--page', '2');
    expect(status).toBe(0);
    expect(stdout.startsWith('<!doctype html>')).toBe(true);
    // 45 orders newest first, 20 a page: page 2 holds #1125 down to #1106.
    expect(stdout).toContain('>#1125</a>');
    expect(stdout).toContain('>#1106</a>');
    expect(stdout).not.toContain('>#1126</a>');
    expect(stdout).not.toContain('>#1105</a>');
  });

  it('prints an order page by name without # or by id', () => {
    const byName = render('--template', 'customers/order', '--order', '1007');
    expect(byName.status).toBe(0);
    expect(byName.stdout).toContain('<h1 class="order__title">Order #1007</h1>');
    expect(byName.stdout).toContain('$88.70 USD');
    const byId = render('--template', 'customers/order', '--order', '6007');
    expect(byId.status).toBe(0);
    expect(byId.stdout).toContain('<h1 class="order__title">Order #1007</h1>');
  });

  it('exits 2 with usage for a missing --customer or an unknown option', () => {
    const missing = render('--template', 'customers/account');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--template customers/account needs --customer HANDLE');
    expect(missing.stderr).toContain('Usage:');
    expect(render('--bogus').status).toBe(2);
  });

  it('exits 1 naming the customer when none has that handle', () => {
    const { status, stderr } = render('--template', 'customers/account', '--customer', 'nobody');
    expect(status).toBe(1);
    expect(stderr).toContain("no customer 'nobody' in the store");
    expect(stderr).not.toContain('    at ');
  });

  it('renders another theme folder and reports its mistakes with file and line, no stack trace', () => {
    const theme = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-cli-theme-'));
    fs.cpSync(path.join(ROOT, 'theme'), theme, { recursive: true });
    const section = path.join(theme, 'sections', 'main-order.liquid');
    const lines = fs.readFileSync(section, 'utf8').split('\n');
    lines.splice(4, 0, '{{ order.total_price | monee }}');
    fs.writeFileSync(section, lines.join('\n'));
    const { status, stderr } = render('--template', 'customers/order', '--order', '1001', '--theme', theme);
    expect(status).toBe(1);
    expect(stderr.trim()).toBe("sections/main-order.liquid:5: unknown filter 'monee'");
  });

  it('reports a bad fixture file by JSON path', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'encore-cli-store-')), 'store.json');
    const store = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/store/default-store.json'), 'utf8'));
    store.customers[2].orders[0].line_items[0].quantity = 0;
    fs.writeFileSync(file, JSON.stringify(store));
    const { status, stderr } = render('--list', '--fixtures', file);
    expect(status).toBe(1);
    expect(stderr).toContain('/customers/2/orders/0/line_items/0/quantity');
  });
});
