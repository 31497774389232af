import { describe, expect, it } from 'vitest';
import { cartPermalink } from '@encore/shopify-apis/cart.ts';

describe('cart permalinks', () => {
  it('lists each variant with its quantity, and the discount code URL-encoded', () => {
    expect(
      cartPermalink(
        'https://shop.example/',
        [
          { variantId: 4001, quantity: 2 },
          { variantId: 4105, quantity: 1 },
        ],
        'THANKS 10%',
      ),
    ).toBe('https://shop.example/cart/4001:2,4105:1?discount=THANKS%2010%25');
  });

  it('adds no discount parameter without a code, and leaves out lines with no variant or no units', () => {
    expect(
      cartPermalink('https://shop.example', [
        { variantId: 0, quantity: 1 },
        { variantId: 7, quantity: 0 },
        { variantId: 9, quantity: 1.6 },
      ]),
    ).toBe('https://shop.example/cart/9:1');
  });

  it('opens the cart page when nothing can go in it', () => {
    expect(cartPermalink('https://shop.example', [])).toBe('https://shop.example/cart');
  });
});
