// @vitest-environment node
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeListener, targetPath, validHost } from '../../app/node/listener.ts';
import { backend } from './support.ts';

/** A server over `listener` on a free port, closed after the file's tests. */
function serverFor(listener: http.RequestListener) {
  const running = { server: http.createServer(listener), port: 0 };
  beforeAll(async () => {
    await new Promise<void>((resolve) => running.server.listen(0, '127.0.0.1', resolve));
    running.port = (running.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    running.server.closeAllConnections();
    await new Promise<void>((resolve) => running.server.close(() => resolve()));
  });
  return running;
}

/** Sends `head` (request line and headers, as written) on a fresh socket; resolves with the status line. */
function raw(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${head}\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) {
        resolve(text.split('\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
}

describe('the backend on node:http answers every request', () => {
  const logs: string[] = [];
  const running = serverFor(nodeListener(backend().handler, (line) => logs.push(line)));

  it.each(['a b', '%', '[::1', '127.0.0.1:99999', 'x:y'])('Host %j: 400, and the server serves on', async (host) => {
    expect(await raw(running.port, `OPTIONS /api/post-purchase/offers HTTP/1.1\r\nHost: ${host}\r\nConnection: close`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await raw(running.port, `OPTIONS /api/post-purchase/offers HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close`)).toBe('HTTP/1.1 204 No Content');
  });

  it('routes by the path alone: an empty Host, an absolute-form target, another Host', async () => {
    for (const head of [
      'OPTIONS /api/post-purchase/offers HTTP/1.1\r\nHost: \r\nConnection: close',
      'OPTIONS http://shop.example/api/post-purchase/offers HTTP/1.1\r\nHost: shop.example\r\nConnection: close',
      'OPTIONS /api/post-purchase/offers HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close',
    ]) {
      expect(await raw(running.port, head), head).toBe('HTTP/1.1 204 No Content');
    }
  });

  it('TRACE, which no web Request may carry: 405 with Allow, not a 500', async () => {
    expect(await raw(running.port, 'TRACE /api/post-purchase/offers HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(logs.filter((line) => line.includes('"error"'))).toEqual([]);
  });

  it('keeps every follow-up on a kept-alive connection answered after refusing an unread 200 KB body (413, 415, 404)', async () => {
    const base = `http://127.0.0.1:${running.port}`;
    const big = 'x'.repeat(200 * 1024);
    const refusals: [string, Record<string, string>, number][] = [
      ['/api/post-purchase/offers', { 'content-type': 'application/json' }, 413],
      ['/api/post-purchase/offers', { 'content-type': 'text/plain' }, 415],
      ['/api/nothing-here', { 'content-type': 'application/json' }, 404],
      ['/webhooks/compliance', { 'content-type': 'application/json' }, 413],
    ];
    const failures: string[] = [];
    for (let i = 0; i < 30; i++) {
      const [path, headers, status] = refusals[i % refusals.length]!;
      const body = path === '/webhooks/compliance' ? 'x'.repeat(300 * 1024) : big;
      try {
        const refused = await fetch(`${base}${path}`, { method: 'POST', headers, body });
        if (refused.status !== status) failures.push(`${path}: ${refused.status}`);
        await refused.arrayBuffer();
        const next = await fetch(`${base}/api/post-purchase/offers`, { method: 'OPTIONS' });
        if (next.status !== 204) failures.push(`follow-up: ${next.status}`);
      } catch (error) {
        failures.push(`${path}: ${(error as Error).cause ?? (error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('a fault in the handler', () => {
  const logs: string[] = [];
  const running = serverFor(
    nodeListener(
      async () => {
        throw new TypeError('the text of this error may hold a token');
      },
      (line) => logs.push(line),
    ),
  );

  it('answers 500, logs the error by name only, and the server serves on', async () => {
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`http://127.0.0.1:${running.port}/api/post-purchase/offers`, { method: 'OPTIONS' });
      expect([answer.status, ((await answer.json()) as { error: { code: string } }).error.code]).toEqual([500, 'internal_error']);
    }
    expect(logs).toEqual(['{"route":"listener","error":"TypeError"}', '{"route":"listener","error":"TypeError"}']);
  });
});

describe('what the listener takes for a host and a path', () => {
  it('hosts: names, IPv4, bracketed IPv6, ports to 65535; nothing with a space, percent or an open bracket', () => {
    expect(['shop.example', 'localhost:3000', '127.0.0.1', '[::1]:8080', 'x.myshopify.com.', ''].map(validHost)).toEqual([true, true, true, true, true, true]);
    expect(['a b', '%', '[::1', '127.0.0.1:99999', 'x:y', 'a..b', '-a'].map(validHost)).toEqual([false, false, false, false, false, false, false]);
  });

  it('paths: origin-form as is, absolute-form reduced to its path and query; anything else none', () => {
    expect(targetPath('/api/x?a=1')).toBe('/api/x?a=1');
    expect(targetPath('http://h.example:81/api/x?a=1')).toBe('/api/x?a=1');
    expect([targetPath('*'), targetPath('//evil/api'), targetPath('api/x'), targetPath(undefined)]).toEqual([null, null, null, null]);
  });
});
