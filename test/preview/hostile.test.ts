/**
 * The studio under requests an attacker or a careless client sends: each gets an answer (400, 404, 405, 413, 415,
 * or a 500 that is logged), and the studio serves the next page as before. Requests go over raw sockets where
 * fetch would refuse to send them (a Host with a space, an absolute-form target, TRACE).
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontDoor } from '@encore/studio/front-door.ts';
import { RenderPool } from '@encore/studio/render-pool.ts';
import { Storefront } from '@encore/studio/storefront.ts';
import { MAX_QUERY_DEPTH, MAX_QUERY_FIELDS } from '@encore/fixtures/adapters/graphql-bounds.ts';
import { loadStore, DEFAULT_STORE_FILE } from '@encore/fixtures/load.ts';
import { Theme, MAX_MISSES } from '@encore/liquid/theme/theme.ts';
import { studioFor, themeCopy } from './support.ts';

/** One request written by hand; resolves with the status line's code and the whole answer. */
function raw(url: string, head: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    // Written, not ended: the request says `Connection: close`, and the studio closes once it has answered.
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
}

describe('the studio answers every request and serves on', () => {
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    studio = await studioFor();
  });
  afterAll(async () => {
    await studio.close();
  });

  it('a Host that is no host name (a space, %, an open bracket, a port past 65535, x:y): 400, and the page still serves', async () => {
    for (const host of ['a b', '%', '[::1', '127.0.0.1:99999', 'x:y']) {
      const answer = await raw(studio.url, `GET /account/orders/1003 HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect({ host, status: answer.status }).toEqual({ host, status: 400 });
      expect(answer.text).toContain('the Host header is not a host name');
    }
    const page = await studio.get('/account/orders/1003');
    expect(page.status).toBe(200);
    expect(page.body).toContain('#1003');
  });

  it('an absolute-form target routes by its path; an empty Host is this machine; TRACE is 405', async () => {
    const absolute = await raw(studio.url, 'GET http://elsewhere.example/account/orders/1003 HTTP/1.1\r\nHost: elsewhere.example\r\nConnection: close\r\n\r\n');
    expect(absolute.status).toBe(200);
    expect(absolute.text).toContain('#1003');
    const empty = await raw(studio.url, 'GET /account/orders/1003 HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n');
    expect(empty.status).toBe(200);
    const trace = await raw(studio.url, 'TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(trace.status).toBe(405);
    expect(trace.text).toMatch(/allow: GET, HEAD, POST/i);
  });

  it('folders and odd asset paths: 404, never the theme error page; //: 400; /. and /%2e: the index', async () => {
    for (const target of ['/cdn/shop/t/1/assets/', '/cdn/shop/t/1/assets/..%2Fconfig%2Fsettings_data.json', '/cdn/shop/t/1/assets/nope.css']) {
      const answer = await studio.get(target);
      expect({ target, status: answer.status }).toEqual({ target, status: 404 });
      expect(answer.body).not.toContain('Liquid error');
    }
    expect((await raw(studio.url, 'GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).status).toBe(400);
    for (const target of ['/.', '/%2e']) {
      const answer = await studio.get(target);
      expect({ target, status: answer.status }).toEqual({ target, status: 200 });
    }
  });

  it('an oversized body to an extension API or the reload stream: answered, and the kept-alive connection still serves', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const { port } = new URL(studio.url);
    const send = (method: string, target: string, body?: Buffer) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, method, path: target, agent, headers: { 'content-type': 'application/json' } }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', reject);
        request.end(body);
      });
    const big = Buffer.alloc(2 * 1024 * 1024, 0x20);
    expect(await send('POST', '/__encore/ext/storefront', big)).toBe(200);
    for (let i = 0; i < 5; i++) expect(await send('GET', '/account/orders/1003')).toBe(200);
    expect(await send('POST', '/__encore/reload', big)).toBe(405);
    for (let i = 0; i < 5; i++) expect(await send('GET', '/account/orders/1003')).toBe(200);
    agent.destroy();
  });
});

describe("the studio's GraphQL stand-ins bound a query's work", () => {
  let studio: Awaited<ReturnType<typeof studioFor>>;
  beforeAll(async () => {
    studio = await studioFor();
  });
  afterAll(async () => {
    await studio.close();
  });

  const graphql = async (api: string, query: string, contentType = 'application/json') => {
    const response = await fetch(new URL(api, studio.url), { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ query }) });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string }[] } };
  };

  it('thirty levels of fragments that spread the one below twice (1.4 KB, 2^30 fields): refused by their count', async () => {
    const fragments = ['fragment F0 on Customer { id }'];
    for (let level = 1; level <= 30; level++) fragments.push(`fragment F${level} on Customer { ...F${level - 1} ...F${level - 1} }`);
    const query = `query { customer { ...F30 } } ${fragments.join(' ')}`;
    expect(query.length).toBeLessThan(2_000);
    for (const api of ['/__encore/ext/customer-account?customer=casey', '/__encore/ext/storefront']) {
      const { status, body } = await graphql(api, query);
      expect(status).toBe(200);
      expect(body.errors?.[0]?.message).toBe(
        `The query selects more than ${MAX_QUERY_FIELDS.toLocaleString('en')} fields once its fragments are expanded; the studio's stand-ins answer at most that.`,
      );
      expect(body.data).toBeUndefined();
    }
    // The studio goes on serving pages.
    expect((await studio.get('/account/orders/1003')).status).toBe(200);
  });

  it('a fragment cycle, and a query deeper than the bound: refused, saying which', async () => {
    const cycle = await graphql(
      '/__encore/ext/customer-account?customer=casey',
      'query { customer { ...A } } fragment A on Customer { ...B } fragment B on Customer { ...A }',
    );
    expect(cycle.body.errors?.[0]?.message).toBe('Cannot spread fragment "A" within itself.');
    const deep = `query { customer { ${'orders(first: 1) { nodes { customer { '.repeat(9)}id${' } } }'.repeat(9)} } }`;
    const answer = await graphql('/__encore/ext/customer-account?customer=casey', deep);
    expect(answer.body.errors?.[0]?.message).toMatch(
      new RegExp(`^The query is \\d+ levels deep; the studio's stand-ins answer at most ${MAX_QUERY_DEPTH}\\.$`),
    );
  });

  it('only application/json: text/plain (what another site can POST without asking) is 415, a GET 405', async () => {
    const plain = await graphql('/__encore/ext/storefront', '{ __typename }', 'text/plain');
    expect(plain.status).toBe(415);
    expect(plain.body.errors?.[0]?.message).toBe('Send the GraphQL query as application/json');
    const get = await fetch(new URL('/__encore/ext/storefront', studio.url));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('a fault no route expected', () => {
  it('answers 500 and logs its name, thrown at once or later, and the server serves on', async () => {
    const logged: string[] = [];
    let calls = 0;
    const server = http.createServer(
      frontDoor(
        async (_request, response) => {
          calls++;
          if (calls === 1) throw new TypeError('boom at once');
          if (calls === 2) await Promise.reject(new RangeError('boom later'));
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.end('fine');
        },
        (line) => logged.push(line),
      ),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/x?secret=1`;
    expect((await fetch(url)).status).toBe(500);
    expect((await fetch(url)).status).toBe(500);
    const third = await fetch(url);
    expect([third.status, await third.text()]).toEqual([200, 'fine']);
    expect(logged).toEqual(['GET /x: TypeError: boom at once', 'GET /x: RangeError: boom later']);
    server.close();
  });
});

describe('pages render on worker threads', () => {
  it('a render that never ends holds one worker: the next page renders on the other, and closing ends both', async () => {
    const storefront = new Storefront();
    const warnings: string[] = [];
    const pool = new RenderPool(
      storefront.theme.dir,
      () => storefront,
      (line) => warnings.push(line),
      {
        entry: new URL('./stuck-render-worker.ts', import.meta.url),
        graceMs: 600_000,
      },
    );
    const stuck = pool.run({ kind: 'page', page: { template: 'customers/login' }, query: '', host: '127.0.0.1' });
    let settled = false;
    const outcome = stuck.then(
      () => 'answered',
      (error: Error) => error.message,
    );
    void outcome.then(() => (settled = true));
    const next = await pool.run({ kind: 'page', page: { template: 'customers/register' }, query: '', host: '127.0.0.1' });
    expect(next.body).toBe('rendered');
    expect(settled).toBe(false);
    await pool.close();
    expect(await outcome).toBe('the studio closed before the page rendered');
    expect(warnings).toEqual([]);
  });

  it('a page over its budget in the studio: the error page names the limit, the file and the line, and the studio serves on', async () => {
    const dir = themeCopy();
    const layout = path.join(dir, 'layout', 'theme.liquid');
    fs.writeFileSync(layout, fs.readFileSync(layout, 'utf8').replace('<body', '{% for i in (1..100000000) %}{{ i }}{% endfor %}<body'));
    const line =
      fs
        .readFileSync(layout, 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('(1..100000000)')) + 1;
    const studio = await studioFor({ themeDir: dir });
    try {
      const page = await studio.get('/account/orders/1003');
      expect(page.status).toBe(500);
      expect(page.body).toContain(`<code class="encore-error__where">layout/theme.liquid:${line}</code>`);
      expect(page.body).toContain('Render budget exceeded: more than 50,000,000 elements and characters made by ranges and string filters in one page');
      expect((await studio.get('/cdn/shop/t/1/assets/encore-order.css')).status).toBe(200);
      // Rendered on a worker: none failed to start.
      expect(studio.warnings.filter((warning) => warning.includes('render worker'))).toEqual([]);
    } finally {
      await studio.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what the engine remembers is bounded', () => {
  it('names that are no file: at most MAX_MISSES kept, and a file made later is found', () => {
    const dir = themeCopy();
    try {
      const theme = new Theme(dir);
      for (let i = 0; i < 5_000; i++) expect(theme.read(`assets/missing-${i}.css`)).toBeUndefined();
      expect(theme.kept().misses).toBeLessThanOrEqual(MAX_MISSES);
      expect(theme.read('assets')).toBeUndefined();
      expect(theme.read('../package.json')).toBeUndefined();
      fs.writeFileSync(path.join(dir, 'assets', 'missing-4999.css'), 'a{}');
      theme.refresh();
      expect(theme.read('assets/missing-4999.css')).toBe('a{}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('files that start with a byte-order mark', () => {
  it('a store fixture and a theme JSON file with one load as without it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-bom-'));
    try {
      const file = path.join(dir, 'store.json');
      fs.writeFileSync(file, `\uFEFF${fs.readFileSync(DEFAULT_STORE_FILE, 'utf8')}`);
      expect(loadStore(file).shop.name).toBe(loadStore().shop.name);
      const theme = themeCopy();
      try {
        const settings = path.join(theme, 'config', 'settings_data.json');
        const before = new Theme(theme).readJson('config/settings_data.json');
        fs.writeFileSync(settings, `\uFEFF${fs.readFileSync(settings, 'utf8')}`);
        expect(new Theme(theme).readJson('config/settings_data.json')).toEqual(before);
      } finally {
        fs.rmSync(theme, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
