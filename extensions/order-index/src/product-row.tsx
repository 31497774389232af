/**
 * What Buy again and the recommendations share: a titled list of product rows, each row a grid inside an
 * `s-query-container` so it can answer to the block's own width.
 */
import type { ComponentChildren } from 'preact';
import { listedPrice } from '@encore/core/listed-price.ts';
import type { Product, Variant } from '@encore/core/model.ts';
import type { Words } from './words.ts';

/** Below this block width a row's three columns would squeeze the details to a few words a line. */
const ROW_BREAKPOINT_PX = 420;

/**
 * The grid columns of a product row: where there is room, thumbnail, details and button side by side, the
 * details taking the rest so every row's button ends in the same column; in a narrow block (a phone), one
 * column, the button under the details.
 */
function productRowColumns(image: boolean, button: boolean): string {
  const wide = [image ? 'auto' : '', '1fr', button ? 'auto' : ''].filter((column) => column !== '').join(' ');
  return wide === '1fr' ? wide : `@container (inline-size > ${ROW_BREAKPOINT_PX}px) ${wide}, 1fr`;
}

/** One product's row: its thumbnail when there is one, the details (`children`), then its button when there is one. */
export function ProductRow({
  image,
  button,
  children,
}: {
  image: { src: string; alt: string } | null;
  button: ComponentChildren | null;
  children: ComponentChildren;
}) {
  return (
    <s-grid gridTemplateColumns={productRowColumns(image !== null, button !== null)} gap="base" alignItems="center">
      {image !== null && <s-product-thumbnail src={image.src} alt={image.alt} size="small" />}
      <s-stack gap="small-100">{children}</s-stack>
      {button}
    </s-grid>
  );
}

/**
 * A row's price, by the core's `listedPrice`: the variant's own where the row names it (Buy again), else
 * "From" the lowest where the product's variants differ; nothing for a buyer at company prices.
 */
export function PriceText({
  product,
  variant,
  companyPrices,
  currency,
  words,
}: {
  product: Product;
  variant?: Variant;
  companyPrices: boolean;
  currency: string;
  words: Words;
}) {
  const price = listedPrice(product, { companyPrices, variant });
  if (price === null) return null;
  const money = words.money(price.amount, currency);
  return <s-text>{price.from ? words.t('recommendations.price_from', { price: money }) : money}</s-text>;
}

/** A section of product rows under `heading`. */
export function ProductSection({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <s-section heading={heading}>
      <s-query-container>
        <s-stack gap="large-200">{children}</s-stack>
      </s-query-container>
    </s-section>
  );
}
