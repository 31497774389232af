import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start as startMain } from '@encore/cli/start.ts';
import { render as renderMain } from '@encore/cli/render.ts';
import { ROOT, runMain, runScript, type CliRun } from '../support/cli.ts';

const URL_LINE = /^Encore studio: (http:\/\/127\.0\.0\.1:(\d+)\/)\n$/;

/**
 * `npm start` with `args`, in-process. Waits for its exit code; or, with `untilUrl`, for the URL line, then
 * fetches `/` and stops the studio. `env` is all the environment it sees (no PORT of the machine running the tests).
 */
async function start(args: string[], options: { env?: Record<string, string>; untilUrl?: boolean } = {}): Promise<CliRun & { index?: string }> {
  const stopped = new AbortController();
  let stdout = '';
  let index: Promise<string> | undefined;
  const stdoutWriter = {
    write: (text: string) => {
      stdout += text;
      const url = URL_LINE.exec(stdout)?.[1];
      if (options.untilUrl && url && !index)
        index = fetch(url)
          .then((response) => response.text())
          .finally(() => stopped.abort());
    },
  };
  const run = await runMain(startMain, args, { stdout: stdoutWriter, env: { ...options.env }, signal: stopped.signal });
  return { status: run.status, stdout, stderr: run.stderr, index: await index };
}

/** `npm run render` with `args`, in-process. */
const render = (args: string[]) => runMain(renderMain, args);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-start-'));

function file(name: string, text: string): string {
  const target = path.join(tmp, name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return target;
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A failure before the URL: exactly one line on stderr, nothing on stdout, exit 1. */
function expectStoppedBeforeUrl(run: CliRun, line: string): void {
  expect(run.stderr).toBe(`${line}\n`);
  expect(run.stdout).toBe('');
  expect(run.status).toBe(1);
}

describe('npm start: the address', () => {
  let busy: http.Server;
  let busyPort: number;
  beforeAll(async () => {
    busy = http.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('a port another server listens on: one line, exit 1, from --port or PORT alike', async () => {
    const line = `port ${busyPort} is in use (another studio?); try --port N or PORT=N`;
    expectStoppedBeforeUrl(await start(['--port', String(busyPort)]), line);
    expectStoppedBeforeUrl(await start([], { env: { PORT: String(busyPort) } }), line);
  });

  it('a host that does not resolve: one line, exit 1', async () => {
    // 999 is not an IPv4 byte: getaddrinfo answers ENOTFOUND (EAI_AGAIN offline), both told the same way.
    expectStoppedBeforeUrl(
      await start(['--port', '0', '--host', '999.1.1.1']),
      'host 999.1.1.1 not found; try --host 127.0.0.1 (this machine) or 0.0.0.0 (every network interface)',
    );
  });

  it('a port that is not decimal digits from 0 to 65535 is a usage mistake (exit 2) naming where it came from', async () => {
    const rule = 'not a port; use a whole number from 0 to 65535 (0 picks a free port)';
    for (const [args, env, source] of [
      [['--port', '0x10'], {}, '--port 0x10'],
      [['--port', '1e3'], {}, '--port 1e3'],
      [['--port', '65536'], {}, '--port 65536'],
      [['--port=-1'], {}, '--port -1'],
      [['--port', ' 80'], {}, '--port " 80"'],
      [[], { PORT: 'abc' }, 'PORT=abc'],
    ] as const) {
      const run = await start([...args], { env });
      expect(run.status, source).toBe(2);
      expect(run.stderr.split('\n')[0], source).toBe(`${source}: ${rule}`);
      expect(run.stderr, source).toContain('Usage: npm start');
      expect(run.stdout, source).toBe('');
    }
  });

  it('--help documents --host and what port 0 means', async () => {
    const { status, stdout } = await start(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('--host ADDR    the address to listen on, default 127.0.0.1 (this machine only);');
    expect(stdout).toContain('--port N       0 to 65535 in decimal (0 picks a free port); else PORT, else 3000');
  });
});

describe('npm start: a theme folder that cannot serve the customer pages', () => {
  it('an empty folder: one line naming both missing templates, exit 1, no URL', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    expectStoppedBeforeUrl(
      await start(['--port', '0', '--theme', empty]),
      `${empty}: not a theme: no templates/customers/account.json or .liquid, no templates/customers/order.json or .liquid`,
    );
  });

  it('a folder with only the account template names the order template, whether the account one is JSON or Liquid', async () => {
    file('account-json/templates/customers/account.json', '{"sections":{},"order":[]}');
    file('account-liquid/templates/customers/account.liquid', '<h1>{{ customer.name }}</h1>');
    for (const dir of [path.join(tmp, 'account-json'), path.join(tmp, 'account-liquid')]) {
      expectStoppedBeforeUrl(await start(['--port', '0', '--theme', dir]), `${dir}: not a theme: no templates/customers/order.json or .liquid`);
    }
  });

  it('a folder that does not exist, or a file: one line, exit 1', async () => {
    const missing = path.join(tmp, 'no-such-theme');
    expectStoppedBeforeUrl(await start(['--port', '0', '--theme', missing]), `${missing}: not a theme: no such folder`);
    expectStoppedBeforeUrl(await start(['--port', '0', '--theme', 'README.md']), 'README.md: not a theme: a file, not a folder');
  });

  it('npm run render says the same, in the same one line', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    const run = await render(['--template', 'customers/order', '--order', '1001', '--theme', empty]);
    expect(run.stderr).toBe(`${empty}: not a theme: no templates/customers/account.json or .liquid, no templates/customers/order.json or .liquid\n`);
    expect(run.status).toBe(1);
  });
});

describe('npm start: a fixture that is not JSON', () => {
  // The comma after "Ember" leaves `}` (line 4, column 3) where a property name must come.
  const trailingComma = () => file('trailing-comma.json', '{\n  "shop": {\n    "name": "Ember",\n  }\n}\n');

  it('names file, line and column, exit 1, no URL; npm run render the same', async () => {
    const fixture = trailingComma();
    const line = `${fixture}:4:3: not valid JSON: Expected double-quoted property name`;
    expectStoppedBeforeUrl(await start(['--port', '0', '--fixtures', fixture]), line);
    const run = await render(['--list', '--fixtures', fixture]);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.status).toBe(1);
  });

  it('a message without a position (V8 quotes the text, newlines and all) stays on one line', async () => {
    const notes = file('notes.md', '# Notes\n\nline');
    expectStoppedBeforeUrl(
      await start(['--port', '0', '--fixtures', notes]),
      `${notes}: not valid JSON: Unexpected token '#', "# Notes\\n\\nline" is not valid JSON`,
    );
  });

  it('a file that does not exist', async () => {
    const missing = path.join(tmp, 'missing.json');
    expectStoppedBeforeUrl(
      await start(['--port', '0', '--fixtures', missing]),
      `${missing}: cannot read: ENOENT: no such file or directory, open '${missing}'`,
    );
  });
});

describe('npm start: a fixture whose schema check fails (after the URL, when the store modules have loaded)', () => {
  it('prints the URL, then says the studio stopped and why, exit 1', async () => {
    const store = JSON.parse(fs.readFileSync(path.join(ROOT, 'tools/fixtures/stores/default-store.json'), 'utf8'));
    store.customers[2].orders[0].line_items[0].quantity = 0;
    const fixture = file('zero-quantity.json', JSON.stringify(store));
    const run = await start(['--port', '0', '--fixtures', fixture]);
    expect(run.stdout).toMatch(URL_LINE);
    expect(run.stderr).toBe(`The studio stopped: ${fixture}: /customers/2/orders/0/line_items/0/quantity: must be integer >= 1, got 0\n`);
    expect(run.status).toBe(1);
  });
});

describe('npm start: an offers file (--offers) that is not JSON, or names what the store lacks', () => {
  it('not JSON: names file, line and column, exit 1, no URL', async () => {
    const offers = file('offers-trailing-comma.json', '{\n  "offers": [],\n}\n');
    expectStoppedBeforeUrl(await start(['--port', '0', '--offers', offers]), `${offers}:3:1: not valid JSON: Expected double-quoted property name`);
  });

  it('an unknown variant: the URL, then the studio stopped naming file and JSON path, exit 1', async () => {
    const offers = file(
      'offers-unknown-variant.json',
      JSON.stringify({
        offers: [{ id: 'gone', title: 'Gone', priority: 1, trigger: {}, action: { variant_id: 99, quantity: { default: 1, max: 1 }, discount: null } }],
      }),
    );
    const run = await start(['--port', '0', '--offers', offers]);
    expect(run.stdout).toMatch(URL_LINE);
    expect(run.stderr).toContain(`The studio stopped: ${offers}: offers[0].action.variant_id: unknown variant 99 in the store`);
    expect(run.status).toBe(1);
  });

  it('the script itself: the process ends with exit 1 though its server was listening', async () => {
    const offers = file(
      'offers-unknown-variant-script.json',
      JSON.stringify({
        offers: [{ id: 'gone', title: 'Gone', priority: 1, trigger: {}, action: { variant_id: 99, quantity: { default: 1, max: 1 }, discount: null } }],
      }),
    );
    const run = await runScript('tools/cli/src/start.ts', ['--port', '0', '--offers', offers]);
    expect(run.stdout).toMatch(URL_LINE);
    expect(run.stderr).toContain(`The studio stopped: ${offers}: offers[0].action.variant_id: unknown variant 99 in the store`);
    expect(run.status).toBe(1);
  });
});

describe('npm start: valid runs still print the URL and serve', () => {
  it('PORT picks the port; another theme folder and fixture serve their store', async () => {
    const port = await freePort();
    const run = await start(['--theme', 'theme', '--fixtures', 'tools/fixtures/stores/dkk-store.json'], { env: { PORT: String(port) }, untilUrl: true });
    expect(run.stdout).toBe(`Encore studio: http://127.0.0.1:${port}/\n`);
    expect(run.index).toContain('<h1>Nordlys Keramik</h1>');
  });

  it('--port 0 picks a free port, and wins over a PORT that is not a port', async () => {
    const run = await start(['--port', '0'], { env: { PORT: 'abc' }, untilUrl: true });
    expect(Number(URL_LINE.exec(run.stdout)![2])).toBeGreaterThan(0);
    expect(run.index).toContain('<h1>Ember &amp; Wick</h1>');
  });
});
