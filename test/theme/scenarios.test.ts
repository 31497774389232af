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
