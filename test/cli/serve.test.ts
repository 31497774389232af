import type { ChildProcess } from 'node:child_process';
import { serveProcess, standInProcess } from '@encore/cli/serve-process.ts';
import { shopifyStandInMain } from '@encore/cli/shopify-stand-in.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { serve as serveMain } from '@encore/cli/serve.ts';
import { runMain } from '../support/cli.ts';
import { SECRET, signedInput } from '../app/support.ts';
import { TEST_DATABASES } from '../app/databases.ts';

const CREDENTIALS = { SHOPIFY_API_KEY: 'serve-test-key', SHOPIFY_API_SECRET: SECRET };
const URL_LINE = /^Encore backend: (http:\/\/127\.0\.0\.1:\d+\/)api\/post-purchase\/offers$/m;

/** `npm run serve` in-process with exactly `env`; with `whileUp`, that runs once the URL prints, then the server stops. */
async function serve(args: string[], env: Record<string, string>, whileUp?: (base: string) => Promise<void>) {
  const stopped = new AbortController();
  let stdout = '';
  let work: Promise<void> | undefined;
  const run = await runMain(serveMain, args, {
    env,
    signal: stopped.signal,
    stdout: {
      write: (text: string) => {
        stdout += text;
        const base = URL_LINE.exec(stdout)?.[1];
        if (base && !work) work = (whileUp ?? (async () => {}))(base).finally(() => stopped.abort());
      },
    },
  });
  await work;
  return { status: run.status, stdout, stderr: run.stderr };
}

describe('npm run serve fails closed', () => {
  it('refuses to start without the credentials, naming both variables and how to get them', async () => {
    const run = await serve(['--port', '0'], {});
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "SHOPIFY_API_KEY and SHOPIFY_API_SECRET are not set: the backend will not start without the app's credentials (shopify app dev sets them; on a host, set them from the app's settings in the Partner Dashboard). Offline, npm run serve -- --development uses a development default.\n",
    );
  });

  it('counts a blank secret as none, whatever NODE_ENV says', async () => {
    const envs: Record<string, string>[] = [
      { SHOPIFY_API_KEY: 'k', SHOPIFY_API_SECRET: '  ' },
      { SHOPIFY_API_KEY: 'k', SHOPIFY_API_SECRET: '', NODE_ENV: 'production' },
    ];
    for (const env of envs) {
      const run = await serve(['--port', '0'], env);
      expect([run.status, run.stderr.split(':')[0]]).toEqual([1, 'SHOPIFY_API_SECRET is not set']);
    }
  });

  it('refuses development mode under NODE_ENV=production', async () => {
    const run = await serve(['--port', '0', '--development'], { NODE_ENV: 'production' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'SHOPIFY_API_KEY and SHOPIFY_API_SECRET not set, and NODE_ENV=production: development mode and its public default are refused in production.\n',
    );
  });

  it('checks PORT as the studio does: PORT=abc is a usage mistake, PORT= means the default', async () => {
    const bad = await serve([], { ...CREDENTIALS, PORT: 'abc' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('PORT=abc: not a port; use a whole number from 0 to 65535 (0 picks a free port)');
  });

  it('takes --offers only in development: a real shop imports its own offers from the admin', async () => {
    const run = await serve(['--port', '0', '--offers', 'app/offers.json'], CREDENTIALS);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      '--offers seeds the fixture shop in development (with --development); a real shop imports its offers from the admin.',
    );
  });

  it('names a SHOPIFY_APP_URL that is no http(s) URL', async () => {
    const run = await serve(['--port', '0'], { ...CREDENTIALS, SHOPIFY_APP_URL: 'encore.example.com' });
    expect([run.status, run.stderr]).toEqual([
      1,
      "SHOPIFY_APP_URL=encore.example.com: not an http(s) URL; use the app's public URL, e.g. https://encore.example.com\n",
    ]);
  });

  it('names a DATABASE_URL it cannot use, without its password', async () => {
    const run = await serve(['--port', '0'], { ...CREDENTIALS, DATABASE_URL: 'mysql://root:hunter2@db/encore' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('DATABASE_URL: mysql: is not a database Encore can use; use postgres://USER:PASSWORD@HOST:PORT/DB, file:PATH, or leave it unset\n');
  });

  it('with the credentials: serves, says where its state is, and logs a line per request', async () => {
    let preflight = 0;
    const run = await serve(['--port', '0'], CREDENTIALS, async (base) => {
      preflight = (await fetch(`${base}api/post-purchase/offers`, { method: 'OPTIONS' })).status;
    });
    expect(run.status).toBe(0);
    expect(preflight).toBe(204);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'state: the embedded database in memory (DATABASE_URL unset: nothing is kept past this process); rate limit counted in this process (REDIS_URL unset)\n',
    );
    expect(run.stdout).toContain('{"route":"offers","method":"OPTIONS","status":204,"code":null,');
  });

  it('in development mode: the default, with one warning', async () => {
    const run = await serve(['--port', '0', '--development'], {}, async () => {});
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'warning: SHOPIFY_API_KEY and SHOPIFY_API_SECRET not set; development mode uses Encore\'s development default (see README "Post-purchase backend"). Shopify will refuse anything it signs.\n',
    );
  });
});

describe('npm run shopify-stand-in: one Shopify for several backends in development', () => {
  it('the fixture shop installs at the Shopify ENCORE_SHOPIFY_STAND_IN names, and its buyers are served through it', async () => {
    const stop = new AbortController();
    let out = '';
    const standIn = runMain(shopifyStandInMain, ['--port', '0'], { env: CREDENTIALS, signal: stop.signal, stdout: { write: (text: string) => (out += text) } });
    try {
      await expect.poll(() => /Shopify stand-in: (\S+)/.exec(out)?.[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const base = /Shopify stand-in: (\S+)/.exec(out)![1]!;
      let offers: string[] = [];
      const run = await serve(['--port', '0', '--development'], { ...CREDENTIALS, ENCORE_SHOPIFY_STAND_IN: base }, async (backend) => {
        const { token } = await signedInput('1004', undefined, SECRET, new Date());
        const answer = await fetch(`${backend}api/post-purchase/offers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        });
        offers = ((await answer.json()) as { offers: { id: string }[] }).offers.map((offer) => offer.id);
      });
      expect(run.status).toBe(0);
      expect(offers).toEqual(['wick-trimmer-first-candle']);
    } finally {
      stop.abort();
      await standIn;
    }
  });

  it('names an ENCORE_SHOPIFY_STAND_IN that is no URL', async () => {
    const run = await serve(['--port', '0', '--development'], { ...CREDENTIALS, ENCORE_SHOPIFY_STAND_IN: 'port 4100' });
    expect([run.status, run.stderr]).toEqual([
      1,
      'ENCORE_SHOPIFY_STAND_IN=port 4100: not a URL; use what npm run shopify-stand-in prints, e.g. http://127.0.0.1:4100/\n',
    ]);
  });
});

describe.each(TEST_DATABASES.filter((database) => database.name === 'PostgreSQL'))('two backend processes on one $name server', (database) => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((child) => child.kill()));

  it('a burst of the same sign request across both signs exactly once, and each refuses what the other signed', async () => {
    const { url, close } = await database.open();
    try {
      // One Shopify for both, as a deployment has.
      const shopify = await standInProcess(CREDENTIALS);
      children.push(shopify.child);
      const env = { ...CREDENTIALS, DATABASE_URL: url!, ENCORE_SHOPIFY_STAND_IN: shopify.base };
      const [one, two] = await Promise.all([serveProcess(env), serveProcess(env)]);
      children.push(one.child, two.child);
      const { token } = await signedInput('1004', undefined, SECRET, new Date());
      const body = JSON.stringify({ token, offerId: 'wick-trimmer-first-candle', variantId: 4006, quantity: 1 });
      const sign = (base: string) =>
        fetch(`${base}api/post-purchase/sign-changeset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (response) => ({
          status: response.status,
          code: ((await response.json()) as { error?: { code: string } }).error?.code ?? null,
        }));
      const burst = await Promise.all(Array.from({ length: 16 }, (_, i) => sign(i % 2 ? one.base : two.base)));
      expect(burst.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(burst.filter((answer) => answer.status !== 200)).toEqual(Array.from({ length: 15 }, () => ({ status: 429, code: 'replayed' })));
      expect(await sign(one.base)).toEqual({ status: 429, code: 'replayed' });
      expect(await sign(two.base)).toEqual({ status: 429, code: 'replayed' });
    } finally {
      await close();
    }
  }, 60_000);
});
