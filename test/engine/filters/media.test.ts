import { describe, expect, it } from 'vitest';
import { Drop } from 'liquidjs';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState } from '@encore/liquid/state.ts';

const liquid = createLiquid();
const DOMAIN = 'polinas-potent-potions.myshopify.com';
const FILE = `//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new.jpg`;

// The documented examples' product: a 3:2 image, alt falls back to the title.
const product = {
  title: 'Health potion',
  featured_image: { src: 'files/science-beakers-blue-light-new.jpg', width: 3000, height: 2000, alt: null, version: 1683744744 },
};

function render(source: string, vars: Record<string, unknown> = {}): string {
  const state = defaultRenderState({
    shop: { currency: 'CAD', moneyFormat: '${{amount}}', moneyWithCurrencyFormat: '${{amount}} CAD', timezone: 'UTC', domain: DOMAIN },
  });
  return liquid.parseAndRenderSync(source, { product, ...vars }, { globals: globalsWithState({}, state) });
}

describe('image_url', () => {
  it('matches the documented outputs', () => {
    expect(render('{{ product | image_url: width: 450 }}')).toBe(`${FILE}?v=1683744744&width=450`);
    expect(render('{{ product | image_url: height: 450 }}')).toBe(`${FILE}?height=450&v=1683744744`);
    expect(render("{{ product | image_url: width: 400, height: 400, crop: 'bottom' }}")).toBe(`${FILE}?crop=bottom&height=400&v=1683744744&width=400`);
    expect(render("{{ product | image_url: crop: 'region', crop_left: 32, crop_top: 32, crop_width: 512, crop_height: 512 }}")).toBe(
      `${FILE}?crop=region&crop_height=512&crop_left=32&crop_top=32&crop_width=512&v=1683744744`,
    );
    expect(render("{{ product | image_url: width: 450, format: 'pjpg' }}")).toBe(`${FILE}?format=pjpg&v=1683744744&width=450`);
    expect(render("{{ product | image_url: width: 400, height: 400, pad_color: '000' }}")).toBe(`${FILE}?height=400&pad_color=000&v=1683744744&width=400`);
  });
  it('works on an image, its src, a Drop and strings', () => {
    class ImageDrop extends Drop {
      get src() {
        return 'products/bottle.png';
      }
      get width() {
        return 800;
      }
      get height() {
        return 800;
      }
    }
    expect(render('{{ product.featured_image | image_url: width: 100 }}')).toBe(`${FILE}?v=1683744744&width=100`);
    expect(render('{{ product.featured_image.src | image_url: width: 100 }}')).toBe(`${FILE}?width=100`);
    expect(render('{{ img | image_url: width: 100 }}', { img: new ImageDrop() })).toBe(`//${DOMAIN}/cdn/shop/products/bottle.png?width=100`);
    expect(render("{{ 'https://cdn.example.com/a.jpg?v=7' | image_url: width: 100 }}")).toBe('https://cdn.example.com/a.jpg?v=7&width=100');
  });
  it('is empty for nil or a resource without image, and rejects bad parameters', () => {
    expect(render('{{ nothing | image_url: width: 100 }}')).toBe('');
    expect(render('{{ p | image_url: width: 100 }}', { p: { title: 'No image' } })).toBe('');
    expect(() => render('{{ product | image_url: width: 6000 }}')).toThrow(/image_url: width must be at most 5760px/);
    expect(() => render("{{ product | image_url: width: 10, crop: 'middle' }}")).toThrow(/crop must be one of/);
  });
});

describe('image_tag', () => {
  const src200 = `${FILE}?v=1683744744&amp;width=200`;
  it('matches the documented default output', () => {
    expect(render('{{ product | image_url: width: 200 | image_tag }}')).toBe(
      `<img src="${src200}" alt="Health potion" srcset="${src200} 200w" width="200" height="133">`,
    );
  });
  it('width and height parameters, and nil', () => {
    const src400 = `${FILE}?v=1683744744&amp;width=400`;
    expect(render('{{ product | image_url: width: 400 | image_tag: width: 300 }}')).toBe(
      `<img src="${src400}" alt="Health potion" srcset="${FILE}?v=1683744744&amp;width=300 300w, ${FILE}?v=1683744744&amp;width=352 352w" width="300">`,
    );
    expect(render('{{ product | image_url: width: 400 | image_tag: width: nil }}')).toBe(
      `<img src="${src400}" alt="Health potion" srcset="${FILE}?v=1683744744&amp;width=352 352w">`,
    );
    expect(render('{{ product | image_url: width: 400 | image_tag: height: 300 }}')).toBe(
      `<img src="${src400}" alt="Health potion" srcset="${FILE}?v=1683744744&amp;width=352 352w" height="300">`,
    );
  });
  it('sizes, widths, srcset: nil', () => {
    const sizes = '(min-width:1600px) 960px, (min-width: 750px) calc((100vw - 11.5rem) / 2), calc(100vw - 4rem)';
    expect(render(`{{ product | image_url: width: 200 | image_tag: sizes: '${sizes}' }}`)).toBe(
      `<img src="${src200}" alt="Health potion" srcset="${src200} 200w" width="200" height="133" sizes="${sizes}">`,
    );
    expect(render("{{ product | image_url: width: 600 | image_tag: widths: '200, 300, 400' }}")).toBe(
      `<img src="${FILE}?v=1683744744&amp;width=600" alt="Health potion" srcset="${FILE}?v=1683744744&amp;width=200 200w, ${FILE}?v=1683744744&amp;width=300 300w, ${FILE}?v=1683744744&amp;width=400 400w" width="600" height="400">`,
    );
    expect(render('{{ product | image_url: width: 200 | image_tag: srcset: nil }}')).toBe(`<img src="${src200}" alt="Health potion" width="200" height="133">`);
  });
  it('alt is escaped; extra attributes follow the documented order', () => {
    expect(render(`{{ product | image_url: width: 200 | image_tag: alt: "My image's alt text" }}`)).toBe(
      `<img src="${src200}" alt="My image&#39;s alt text" srcset="${src200} 200w" width="200" height="133">`,
    );
    expect(render("{{ product | image_url: width: 200 | image_tag: class: 'custom-class', loading: 'lazy' }}")).toBe(
      `<img src="${src200}" alt="Health potion" srcset="${src200} 200w" width="200" height="133" loading="lazy" class="custom-class">`,
    );
    expect(
      render('{{ p | image_url: width: 200 | image_tag }}', { p: { title: '"><script>', featured_image: { src: 'files/x.jpg', width: 200, height: 100 } } }),
    ).toBe(
      `<img src="//${DOMAIN}/cdn/shop/files/x.jpg?width=200" alt="&quot;&gt;&lt;script&gt;" srcset="//${DOMAIN}/cdn/shop/files/x.jpg?width=200 200w" width="200" height="100">`,
    );
  });
  it('adds the focal point as object-position, as documented', () => {
    const images = {
      'potions-header.png': {
        src: 'files/potions-header.png',
        width: 5000,
        height: 2883,
        alt: '',
        version: 1650325393,
        presentation: { focal_point: { x: 1.9231, y: 9.7917 } },
      },
    };
    expect(render("{{ images['potions-header.png'] | image_url: width: 300 | image_tag }}", { images })).toBe(
      `<img src="//${DOMAIN}/cdn/shop/files/potions-header.png?v=1650325393&amp;width=300" alt="" srcset="//${DOMAIN}/cdn/shop/files/potions-header.png?v=1650325393&amp;width=300 300w" width="300" height="173" style="object-position:1.9231% 9.7917%;">`,
    );
  });
  it('uses the default widths up to the URL width and never beyond the original', () => {
    const out = render('{{ product | image_url: width: 1500 | image_tag }}');
    expect(out).toContain(
      `srcset="${FILE}?v=1683744744&amp;width=352 352w, ${FILE}?v=1683744744&amp;width=832 832w, ${FILE}?v=1683744744&amp;width=1200 1200w"`,
    );
    expect(out).toContain('width="1500" height="1000"');
    const small = render('{{ p | image_url: width: 1000 | image_tag }}', { p: { src: 'files/s.jpg', width: 500, height: 250 } });
    expect(small).toContain('width="500" height="250"');
  });
  it('is empty for nil', () => {
    expect(render('{{ nothing | image_tag }}')).toBe('');
  });
});

describe('img_url family (deprecated)', () => {
  it('matches the documented outputs', () => {
    expect(render('{{ product | img_url }}')).toBe(`//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_small.jpg?v=1683744744`);
    expect(render("{{ product | img_url: '480x' }}")).toBe(`//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_480x.jpg?v=1683744744`);
    expect(render("{{ product | img_url: 'x480' }}")).toBe(`//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_x480.jpg?v=1683744744`);
    expect(render("{{ product | img_url: '480x480' }}")).toBe(`//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_480x480.jpg?v=1683744744`);
    expect(render("{{ product | img_url: 'large' }}")).toBe(`//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_large.jpg?v=1683744744`);
    expect(render("{{ product | img_url: crop: 'bottom' }}")).toBe(`//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_small.jpg?v=1683744744`);
    expect(render("{{ product | img_url: 'master' }}")).toBe(`//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new.jpg?v=1683744744`);
  });
  it('applies crop and scale to an explicit size', () => {
    expect(render("{{ product | img_url: '100x100', crop: 'center', scale: 2 }}")).toBe(
      `//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_100x100_crop_center@2x.jpg?v=1683744744`,
    );
  });
  it('product_img_url, collection_img_url, article_img_url on path strings', () => {
    expect(render("{{ 'files/science-beakers-blue-light-new.jpg' | product_img_url: 'large' }}")).toBe(
      `//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_large.jpg`,
    );
    expect(
      render('{{ c.image | collection_img_url: "large" }}', { c: { image: { src: 'collections/sale-written-in-lights.jpg', version: 1657654130 } } }),
    ).toBe(`//${DOMAIN}/cdn/shop/collections/sale-written-in-lights_large.jpg?v=1657654130`);
    expect(render('{{ a.image | article_img_url }}', { a: { image: { src: 'articles/beakers-for-science-with-water.jpg', version: 1654385193 } } })).toBe(
      `//${DOMAIN}/cdn/shop/articles/beakers-for-science-with-water_small.jpg?v=1654385193`,
    );
  });
  it('img_tag', () => {
    expect(render('{{ product | img_tag }}')).toBe(`<img src="//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_small.jpg?v=1683744744" alt="" />`);
    expect(render("{{ product | img_tag: 'image alt text', '', '450x450' }}")).toBe(
      `<img src="//${DOMAIN}/cdn/shop/files/science-beakers-blue-light-new_450x450.jpg?v=1683744744" alt="image alt text" class="" />`,
    );
  });
});

describe('placeholder_svg_tag', () => {
  it('renders an svg with the documented root attributes', () => {
    const out = render("{{ 'collection-1' | placeholder_svg_tag }}");
    expect(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 525.5 525.5">')).toBe(true);
    expect(out.endsWith('</svg>')).toBe(true);
  });
  it('takes a class', () => {
    expect(render("{{ 'product-1' | placeholder_svg_tag: 'custom-class' }}")).toMatch(
      /^<svg class="custom-class" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 525.5 525.5"><path/,
    );
    expect(render(`{{ 'image' | placeholder_svg_tag: '"x' }}`)).toMatch(/^<svg class="&quot;x" /);
  });
  it('knows every documented name', () => {
    for (const name of [
      'product-6',
      'collection-6',
      'lifestyle-2',
      'image',
      'product-apparel-4',
      'collection-apparel-4',
      'hero-apparel-3',
      'blog-apparel-3',
      'detailed-apparel-1',
    ]) {
      expect(render(`{{ '${name}' | placeholder_svg_tag }}`)).toMatch(/^<svg .*<\/svg>$/);
    }
  });
});
