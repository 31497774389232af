import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { DEFAULT_PORT, studioPort } from '@encore/studio/studio.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { withCardCheckout } from '../support/card-checkout.ts';
import { studioFor } from './support.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the studio port', () => {
  it('is --port, then PORT, then 3000', () => {
    expect(DEFAULT_PORT).toBe(3000);
    expect(studioPort(undefined, undefined)).toBe(3000);
    expect(studioPort(undefined, '4100')).toBe(4100);
    expect(studioPort('4200', '4100')).toBe(4200);
    expect(studioPort('0', '4100')).toBe(0);
    // `PORT= npm start` clears PORT; an empty --port is a mistake.
    expect(studioPort(undefined, '')).toBe(3000);
    expect(() => studioPort('', undefined)).toThrow('--port "": not a port; use a whole number from 0 to 65535 (0 picks a free port)');
  });

  it('is decimal digits from 0 to 65535, and a mistake names where it came from', () => {
    expect(studioPort('65535', undefined)).toBe(65535);
    expect(studioPort('08080', undefined)).toBe(8080);
    // Number() takes each of these; as a port each is a typo.
    for (const text of ['0x10', '1e3', '0b1', '1.0', '-1', '+80', ' 80', '65536']) {
      expect(() => studioPort(text, undefined), text).toThrow(`--port ${text.trim() === text ? text : JSON.stringify(text)}: not a port;`);
    }
    expect(() => studioPort(undefined, 'abc')).toThrow('PORT=abc: not a port; use a whole number from 0 to 65535 (0 picks a free port)');
  });
});

describe('a studio on the default store', () => {
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    studio = await studioFor();
  });
  afterAll(() => studio.close());

  it('serves the theme pages and the backend on one port', async () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const order = await studio.get('/account/orders/1003');
    expect(order.status).toBe(200);
    expect(order.body).toContain('<h1 class="encore-order__title">Order #1003</h1>');
    // The backend refuses a GET on its POST route with its own error shape.
    const offers = await studio.get('/api/post-purchase/offers');
    expect(offers.status).toBe(405);
    expect(JSON.parse(offers.body).error.code).toBe('method_not_allowed');
  });
});

/** The post-purchase offers the studio's backend gives an order's preview: the page's signed input, POSTed back. */
async function offersFor(studio: Awaited<ReturnType<typeof studioFor>>, orderId: string) {
  const page = await studio.get(`/extensions/encore-post-purchase-upsell?order=${orderId}`);
  const json = /<script type="application\/json" id="encore-post-purchase">(.*?)<\/script>/s.exec(page.body)?.[1];
  if (!json) throw new Error(`the preview of ${orderId} embeds no input`);
  const { token } = (JSON.parse(json) as { inputData: { token: string } }).inputData;
  const answer = await studio.get('/api/post-purchase/offers', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const body = JSON.parse(answer.body) as {
    offers: { id: string; title: string; currencyCode: string; variants: { price: string; discountedPrice: string }[] }[];
  };
  return {
    status: answer.status,
    offers: body.offers.map((offer) => `${offer.id}: ${offer.variants[0]!.price} → ${offer.variants[0]!.discountedPrice} ${offer.currencyCode}`),
  };
}

/** A copy of a bundled store in a folder of its own, so no offers file lies beside it. */
/**
 * A bundled store written to a temporary folder; `cardPaid` orders paid by card at checkout, as Shopify needs
 * for its post-purchase page (the fixtures' iDEAL and Vipps orders get no page).
 */
function storeCopy(name: string, ...cardPaid: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-studio-offers-'));
  const file = path.join(dir, `${name}.json`);
  const source = path.join(ROOT, 'tools/fixtures/stores', `${name}.json`);
  if (cardPaid.length === 0) fs.copyFileSync(source, file);
  else fs.writeFileSync(file, JSON.stringify(withCardCheckout(JSON.parse(fs.readFileSync(source, 'utf8')) as Store, ...cardPaid), null, 2));
  return file;
}

describe('a studio on another fixture (--fixtures)', () => {
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    studio = await studioFor({ storeFile: 'tools/fixtures/stores/dkk-store.json' });
  });
  afterAll(() => studio.close());

  it("serves that store's customers in its primary language", async () => {
    expect((await studio.get('/')).body).toContain('<h1>Nordlys Keramik</h1>');
    // The shop's primary locale (Danish) is unprefixed, as on Shopify; English lives under /en/.
    expect((await studio.get('/account/orders/2001')).body).toContain('Ordre #2001');
    expect((await studio.get('/en/account/orders/2001')).body).toContain('Order #2001');
  });

  it('serves the offers written for it beside the fixture (dkk-store.offers.json)', async () => {
    expect(studio.warnings.join('\n')).not.toContain('offers');
    // #2001: two mugs and the large bowl, 897.00 kr. before shipping. The bowl is already in the order, so the
    // mug offer passes; over 800 kr. brings the plate set, 799.00 kr. less 100 kr.
    expect(await offersFor(studio, '2001')).toEqual({ status: 200, offers: ['tallerkener-over-800: 799.00 → 699.00 DKK'] });
    // #2004: two bowls, 798.00 kr.: under 800 kr. and no mug, so nothing.
    expect(await offersFor(studio, '2004')).toEqual({ status: 200, offers: [] });
    // #2005: four mugs, 996.00 kr.: the bowl at 15 % off (399.00 less 59.85), then the plates.
    expect(await offersFor(studio, '2005')).toEqual({
      status: 200,
      offers: ['skaal-til-krus: 399.00 → 339.15 DKK', 'tallerkener-over-800: 799.00 → 699.00 DKK'],
    });
  });
});

describe('the bundled stores in yen and baht', () => {
  it.each([
    // #7003: two bags of house blend (¥2,400): drip bags at 10 % off; under ¥5,000, so no drip set.
    ['jpy-store', '7003', ['drip-bags-with-beans: 1500 → 1350 JPY']],
    // #5001: a silk scarf and two Thai teas (฿1,870): the silk bag at 10 % off; the tea is in the order already.
    ['thb-store', '5001', ['silk-bag-with-scarf: 1890.00 → 1701.00 THB']],
  ])('%s offers its own products on #%s', async (name, orderId, expected) => {
    const studio = await studioFor({ storeFile: `tools/fixtures/stores/${name}.json` });
    try {
      expect(await offersFor(studio, orderId)).toEqual({ status: 200, offers: expected });
    } finally {
      await studio.close();
    }
  });
});

describe('the offers a studio serves', () => {
  it('say so, and how to give a store its own, when app/offers.json names products the store lacks', async () => {
    const studio = await studioFor({ storeFile: storeCopy('eur-store') });
    try {
      const warnings = studio.warnings.join('\n');
      expect(warnings).toContain('app/offers.json: offers[0].action.variant_id: unknown variant 4007 in the store');
      expect(warnings).toContain(
        'The backend serves no post-purchase offers for this store: give it its own with --offers FILE, or as NAME.offers.json beside the fixture NAME.json.',
      );
      expect(await offersFor(studio, '3001')).toEqual({ status: 200, offers: [] });
    } finally {
      await studio.close();
    }
  });

  it('come from --offers when given, over the file beside the fixture', async () => {
    const studio = await studioFor({ storeFile: storeCopy('eur-store', '3001', '3004'), offersFile: 'tools/fixtures/stores/eur-store.offers.json' });
    try {
      // #3001: three lavender soaps and a hand cream: the cream is in the order, so no cream offer; no gift either.
      expect(await offersFor(studio, '3001')).toEqual({ status: 200, offers: [] });
      // #3004: soaps and the gift box: hand cream at 20 % off (14.95 less 2.99), bath salt at 2.00 off.
      expect(await offersFor(studio, '3004')).toEqual({
        status: 200,
        offers: ['handcreme-bij-zeep: 14.95 → 11.96 EUR', 'badzout-bij-cadeau: 12.50 → 10.50 EUR'],
      });
    } finally {
      await studio.close();
    }
  });

  it('stop the studio when chosen for this store and faulty, naming the file and JSON path', async () => {
    const store = storeCopy('nok-store');
    fs.writeFileSync(
      store.replace(/\.json$/, '.offers.json'),
      JSON.stringify({
        offers: [{ id: 'x', title: 'X', priority: 1, trigger: {}, action: { variant_id: 99, quantity: { default: 1, max: 1 }, discount: null } }],
      }),
    );
    await expect(studioFor({ storeFile: store })).rejects.toThrow('nok-store.offers.json: offers[0].action.variant_id: unknown variant 99 in the store');
  });

  it('reload when the offers file is saved, and keep the last good ones while it is broken', async () => {
    const store = storeCopy('nok-store', '4001');
    const offersFile = store.replace(/\.json$/, '.offers.json');
    fs.copyFileSync(path.join(ROOT, 'tools/fixtures/stores/nok-store.offers.json'), offersFile);
    const studio = await studioFor({ storeFile: store });
    try {
      // #4001: a blanket and wool wash (in the order), for a regular customer: the socks at 50 kr off.
      expect(await offersFor(studio, '4001')).toEqual({ status: 200, offers: ['sokker-til-stamkunder: 299.00 → 249.00 NOK'] });
      const config = JSON.parse(fs.readFileSync(offersFile, 'utf8')) as { offers: { action: { discount: { value: number } } }[] };
      config.offers[1]!.action.discount.value = 10000;
      fs.writeFileSync(offersFile, JSON.stringify(config));
      await expect.poll(async () => (await offersFor(studio, '4001')).offers, { timeout: 20_000 }).toEqual(['sokker-til-stamkunder: 299.00 → 199.00 NOK']);
      fs.writeFileSync(offersFile, '{ "offers": [');
      await expect.poll(() => studio.warnings.join('\n'), { timeout: 20_000 }).toContain('The backend keeps the last offers that loaded.');
      expect(await offersFor(studio, '4001')).toEqual({ status: 200, offers: ['sokker-til-stamkunder: 299.00 → 199.00 NOK'] });
    } finally {
      await studio.close();
    }
  });
});

/** Runs `npm start`'s script on a free port; resolves with its first line. */
async function firstLine(): Promise<{ line: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/cli/src/start.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  return { line, stop: () => child.kill() };
}

/**
 * The modules a script loads before its first line runs: its static imports, followed through the repository's
 * own files (`await import()` is left for later, as node leaves it); packages and node built-ins are named, not
 * followed.
 */
async function staticImports(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'packages-outside',
        setup: (b) => b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@encore/') ? undefined : { path: args.path, external: true })),
      },
    ],
  });
  const { inputs } = result.metafile;
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const imported of inputs[file]!.imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

describe('npm start', () => {
  // How soon the URL prints depends on the machine; what loads before it does not: no engine, store or backend
  // (studio.ts comes in with `await import()` after the port is bound).
  it('loads only node built-ins and light modules before it prints the URL', async () => {
    expect(await staticImports('tools/cli/src/start.ts')).toEqual({
      files: [
        'tools/cli/src/script.ts',
        'tools/cli/src/start.ts',
        'tools/liquid/src/errors.ts',
        'tools/liquid/src/json-file.ts',
        'tools/liquid/src/render-budget.ts',
        'tools/liquid/src/theme/json.ts',
        'tools/liquid/src/theme/theme-dir.ts',
        'tools/studio/src/listen.ts',
      ],
      packages: ['node:fs', 'node:http', 'node:path', 'node:url', 'node:util'],
    });
  });

  it('the script prints the URL, then serves', async () => {
    const { line, stop } = await firstLine();
    try {
      expect(line).toMatch(/^Encore studio: http:\/\/127\.0\.0\.1:\d+\/\n$/);
      const index = await fetch(/http:\S+/.exec(line)![0]);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('<h1>Ember &amp; Wick</h1>');
    } finally {
      stop();
    }
  });
});
