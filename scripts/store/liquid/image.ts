import { ShopifyDrop } from './drop.ts';
import type { Image, Product } from '../types.ts';
import { memo } from './memo.ts';
import type { VariantDrop } from './product.ts';
import type { StoreView } from './view.ts';

/**
 * Liquid `image`: a file on the shop CDN. Reached through `product.media` or
 * `featured_media` it is a medium too, and only then has a `preview_image`.
 */
export class ImageDrop extends ShopifyDrop {
  #view: StoreView;
  #image: Image;
  #owner: Product | undefined;
  #medium: boolean;

  constructor(view: StoreView, image: Image, owner?: Product, medium = false) {
    super();
    this.#view = view;
    this.#image = image;
    this.#owner = owner;
    this.#medium = medium;
  }

  get id(): number { return this.#image.id; }
  /** Protocol-relative CDN URL, as Shopify gives it. */
  get src(): string { return this.#view.cdnUrl(this.#image.file); }
  get width(): number { return this.#image.width; }
  get height(): number { return this.#image.height; }
  get aspect_ratio(): number { return Math.round((this.#image.width / this.#image.height) * 1000) / 1000; }
  get alt(): string | null { return this.#image.alt; }
  get media_type(): string { return 'image'; }

  /** 1-based place among the product's images. */
  get position(): number | undefined {
    const index = this.#owner?.images.findIndex((image) => image.id === this.#image.id);
    return index === undefined || index < 0 ? undefined : index + 1;
  }

  get product_id(): number | undefined { return this.#owner?.id; }

  get variants(): VariantDrop[] {
    return memo(this, 'variants', () =>
      (this.#owner?.variants ?? []).filter((variant) => variant.image === this.#image.file).map((variant) => this.#view.variantDrop(variant.id)!),
    );
  }

  /** For an image medium, the image itself; nil on images reached any other way. */
  get preview_image(): ImageDrop | undefined { return this.#medium ? this.#view.imageDrop(this.#image, this.#owner) : undefined; }

  get ['attached_to_variant?'](): boolean { return this.variants.length > 0; }

  /** `{{ image }}` prints the image's path relative to the CDN folder, like Shopify. */
  override toString(): string { return `files/${this.#image.file}`; }
}
