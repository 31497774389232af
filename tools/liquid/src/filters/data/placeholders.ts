/**
 * Bodies of the `placeholder_svg_tag` illustrations, drawn for Encore (not
 * Shopify's artwork): neutral geometric motifs on a 525.5 × 525.5 view box.
 * Shapes carry no fill so that theme CSS (`.placeholder-svg { fill: … }`)
 * colours them, like Shopify's own placeholders.
 *
 * The names are the ones shopify.dev lists for the filter.
 */

const FRAME = '<path fill-rule="evenodd" d="M62 62h401.5v401.5H62zm6 6v389.5h389.5V68z"/>';

/** A shopping bag. */
const PRODUCT = `${FRAME}<path fill-rule="evenodd" d="M182 205h161.5l16 150h-193.5zm6.5 6-14 138h177l-14.5-138z"/><path d="M225 205v-20a37.75 37.75 0 0 1 75.5 0v20h-6v-20a31.75 31.75 0 0 0-63.5 0v20z"/>`;

/** Three stacked cards. */
const COLLECTION = `${FRAME}<path fill-rule="evenodd" d="M160 190h205.5v150H160zm6 6v138h193.5V196z"/><path d="M175 175h175.5v6H175zm15-15h145.5v6H190z"/>`;

/** Hills under a sun. */
const LANDSCAPE = `${FRAME}<path d="M68 380l110-120 80 85 60-55 135.5 110v7.5H68z"/><circle cx="360" cy="170" r="32"/>`;

/** A T-shirt. */
const APPAREL = `${FRAME}<path fill-rule="evenodd" d="M215 150h95.5l65 40-25 45-25-15V375h-125V220l-25 15-25-45zm3 6-58 35.5 19 34.5 31-18.5V369h113V207.5l31 18.5 19-34.5-58-35.5a35 35 0 0 1-67 0z"/>`;

/** Lines of text beside a picture. */
const BLOG = `${FRAME}<path d="M100 150h150v110H100z"/><path d="M280 160h145v8H280zm0 30h145v8H280zm0 30h110v8H280zM100 300h325v8H100zm0 30h325v8H100zm0 30h240v8H100z"/>`;

export const PLACEHOLDER_SVGS: Readonly<Record<string, string>> = {
  'product-1': PRODUCT,
  'product-2': PRODUCT,
  'product-3': PRODUCT,
  'product-4': PRODUCT,
  'product-5': PRODUCT,
  'product-6': PRODUCT,
  'collection-1': COLLECTION,
  'collection-2': COLLECTION,
  'collection-3': COLLECTION,
  'collection-4': COLLECTION,
  'collection-5': COLLECTION,
  'collection-6': COLLECTION,
  'lifestyle-1': LANDSCAPE,
  'lifestyle-2': LANDSCAPE,
  image: LANDSCAPE,
  'product-apparel-1': APPAREL,
  'product-apparel-2': APPAREL,
  'product-apparel-3': APPAREL,
  'product-apparel-4': APPAREL,
  'collection-apparel-1': COLLECTION,
  'collection-apparel-2': COLLECTION,
  'collection-apparel-3': COLLECTION,
  'collection-apparel-4': COLLECTION,
  'hero-apparel-1': LANDSCAPE,
  'hero-apparel-2': LANDSCAPE,
  'hero-apparel-3': LANDSCAPE,
  'blog-apparel-1': BLOG,
  'blog-apparel-2': BLOG,
  'blog-apparel-3': BLOG,
  'detailed-apparel-1': APPAREL,
};
