import { describe, expect, it } from 'vitest';
import { Storefront, type CustomerPage } from '../../scripts/storefront.ts';
import { listScenarios } from '../../scripts/store/load.ts';

const storefront = new Storefront();
const pages: CustomerPage[] = listScenarios(storefront.store).map((line) => {
  const [kind, id] = line.split(' ');
  return kind === 'customer' ? { template: 'customers/account', customer: id } : { template: 'customers/order', order: id };
});

describe('every scenario of the default store renders through the theme', () => {
  it.each(pages.map((page) => [page.template === 'customers/account' ? page.customer : `#${page.order}`, page] as const))(
    '%s renders a whole page with no missing translation',
    async (_label, page) => {
      const { status, body } = await storefront.render(page);
      expect(status).toBe(200);
      expect(body).toMatch(/^<!doctype html>[\s\S]*<\/html>\s*$/);
      expect(body).not.toContain('translation missing');
      expect(body).not.toContain('Liquid error');
    },
  );

  it('shows the empty state to the customer with no orders', async () => {
    const { body } = await storefront.render({ template: 'customers/account', customer: 'new-customer' });
    expect(body).toContain("You haven&#39;t placed any orders yet.");
  });
});

describe('the hostile customer', () => {
  /** Every start tag of the page, e.g. `<img src=x onerror="…">`. */
  const startTags = (html: string): string[] => html.match(/<[a-zA-Z][^>]*>/g) ?? [];

  it.each([
    { template: 'customers/account', customer: 'hostile-customer' },
    { template: 'customers/order', order: '1015' },
  ] as CustomerPage[])('$template: no payload becomes markup', async (page) => {
    const { body } = await storefront.render(page);
    // The payloads would set this hook if they ever ran; it may appear only as escaped text.
    expect(body).toContain('__encoreInjected');
    for (const tag of startTags(body)) {
      expect(tag, tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag, tag).not.toMatch(/javascript:/i);
      expect(tag, tag).not.toContain('__encoreInjected');
    }
    expect(body).not.toMatch(/<script>window\.__encoreInjected/);
    expect(body).not.toMatch(/<svg/i);
  });
});
