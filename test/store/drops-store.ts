/**
 * The default store plus what its fixture does not carry yet, for the drop
 * tests: an order whose prices include taxes, a second duty, a line that
 * ships nothing although its variant would, a product with three options,
 * metafields of every type the model allows, a barcode. Every change keeps
 * the store valid (`parseStore` checks totals and payments).
 */
import { parseStore, type Store } from '@encore/fixtures/load.ts';
import type { Order } from '@encore/fixtures/types.ts';
import { defaultStoreJson, LABEL } from './helpers.ts';

export function richStoreJson(): any {
  const json = defaultStoreJson();
  const orders: Order[] = json.customers.flatMap((customer: { orders: Order[] }) => customer.orders);
  const order = (name: string) => orders.find((candidate) => candidate.name === name)!;
  const product = (handle: string) => json.products.find((candidate: { handle: string }) => candidate.handle === handle);

  // #1002: VAT-style prices, its $4.47 of tax shown but not added to the total.
  const vat = order('#1002');
  vat.taxes_included = true;
  vat.total_price -= 447;
  vat.transactions[0].amount -= 447;

  // #1012 pays a second duty of $1.30 on top of the fixture's $2.73.
  const duties = order('#1012');
  duties.duties = [...duties.duties!, { title: 'Import duty', price: 130, country_code_of_origin: null }];
  duties.total_price += 130;
  duties.transactions[0].amount += 130;

  // #1004: a $20 gift card paid first, with $12.50 left on it; the card paid the rest.
  const split = order('#1004');
  const [card] = split.transactions;
  split.transactions = [
    { ...card, id: 60400, gateway: 'gift_card', amount: 2000, card: null, gift_card: { last_characters: 'X9QZ', balance: 1250 } },
    { ...card, amount: card.amount - 2000 },
  ];

  // The line says whether it ships, whatever its variant says.
  order('#1001').line_items.find((line) => line.product === 'long-matches')!.requires_shipping = false;

  product('diffuser-refill-oil').metafields.push({ namespace: 'encore', key: 'size', type: 'single_line_text_field', value: '250 ml' });
  product('amber-candle').metafields.push(
    { namespace: 'custom', key: 'burn_hours', type: 'number_decimal', value: 50.5 },
    { namespace: 'custom', key: 'care', type: 'multi_line_text_field', value: 'Trim the wick.\nBurn 2 hours.' },
    { namespace: 'custom', key: 'seasonal', type: 'boolean', value: false },
  );
  product('amber-candle').variants[0].barcode = '0850012345678';

  // Three options, one combination sold out and one never made.
  const variant = (id: number, values: string[], stock: number) => ({
    id,
    title: values.join(' / '),
    option_values: values,
    sku: `PIL-${id}`,
    price: 3000,
    compare_at_price: null,
    inventory_quantity: stock,
    inventory_policy: 'deny',
    requires_shipping: true,
    taxable: true,
    weight: 500,
  });
  json.products.push({
    id: 7901,
    handle: 'pillar-candle',
    title: 'Pillar Candle',
    vendor: 'Ember & Wick',
    product_type: 'Candle',
    tags: ['candle'],
    description: '<p>Unscented or scented pillars.</p>',
    created_at: '2025-01-10T10:00:00-05:00',
    published_at: '2025-01-10T10:00:00-05:00',
    options: ['Scent', 'Size', 'Wick'],
    images: [{ id: 8901, file: 'pillar-candle.jpg', width: 1000, height: 1500, alt: 'Pillar candle' }],
    variants: [
      variant(4901, ['Amber', 'Small', 'Cotton'], 0),
      variant(4902, ['Amber', 'Small', 'Wood'], 4),
      variant(4903, ['Amber', 'Large', 'Cotton'], 2),
      variant(4904, ['Cedar', 'Small', 'Cotton'], 6),
    ],
  });
  json.collections.find((collection: { handle: string }) => collection.handle === 'candles').products.push('pillar-candle');
  return json;
}

export function richStore(): Store {
  return parseStore(richStoreJson(), LABEL);
}
