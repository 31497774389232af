import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liquidSpecServer } from '@encore/cli/liquid-spec-server.ts';
import { runScript } from '../support/cli.ts';

/** Drives `npm run liquid-spec-server`'s main in-process over streams, one request and one reply per line. */
function startServer() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const exited = liquidSpecServer([], { stdin, stdout, stderr: process.stderr, env: {} });
  const replies = createInterface({ input: stdout })[Symbol.asyncIterator]();
  let nextId = 1;
  const send = async (method: string, params?: unknown) => {
    const id = nextId++;
    stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
    const line = await replies.next();
    return JSON.parse(line.value as string);
  };
  const sendRaw = async (text: string) => {
    stdin.write(`${text}\n`);
    return JSON.parse((await replies.next()).value as string);
  };
  return { stdin, exited, send, sendRaw };
}

describe('liquid-spec JSON-RPC server', () => {
  let server: ReturnType<typeof startServer>;
  beforeAll(() => {
    server = startServer();
  });
  afterAll(async () => {
    server.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'quit' })}\n`);
    server.stdin.end();
    expect(await server.exited).toBe(0);
  });

  it('the script itself answers over its stdio and exits 0 on quit', async () => {
    const requests = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { version: '1.0' } },
      { jsonrpc: '2.0', method: 'quit' },
    ];
    const run = await runScript('tools/cli/src/liquid-spec-server.ts', [], { input: requests.map((r) => `${JSON.stringify(r)}\n`).join('') });
    expect(run.status).toBe(0);
    const replies = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(replies.map((reply) => [reply.id, reply.result.implementation])).toEqual([[1, 'encore']]);
  });

  it('initializes as encore with the standard drops fixture set', async () => {
    const reply = await server.send('initialize', { version: '1.0' });
    expect(reply.result.implementation).toBe('encore');
    expect(reply.result.fixture_sets).toEqual({ 'standard-drops': 1 });
    expect(reply.result.features).toContain('drops');
  });

  it('compiles, then renders with Ruby math and standard drops', async () => {
    const compiled = await server.send('compile', { template: '{{ 10 | divided_by: 3 }} {{ d.square_5 }} {{ flag }}', options: { error_mode: 'strict' } });
    expect(compiled.result.template_id).toMatch(/^tmpl_/);
    const rendered = await server.send('render', {
      template_id: compiled.result.template_id,
      environment: { d: 'instantiate:MethodDrop', flag: { 'instantiate:BooleanDrop': { value: false } } },
    });
    expect(rendered.result).toEqual({ output: '3 25 false', errors: [] });
  });

  it('renders the same request again with its own id, drops made anew, the environment never written to', async () => {
    const { result } = await server.send('compile', {
      template: "{% increment n %}{{ d.echo_1 }}{% assign items = 'changed' %}{{ items | size }}{% cycle 'a', 'b' %}",
      filesystem: { 'Card.liquid': 'card' },
    });
    const request = (id: number, items: number[]) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id,
        method: 'render',
        params: { template_id: result.template_id, environment: { d: 'instantiate:MethodDrop', items } },
      });
    // liquid-spec's client writes `{"jsonrpc":"2.0","id":N,"method":"render",…}`: the same text after the id is the same request.
    expect(await server.sendRaw(request(901, [1, 2, 3]))).toEqual({ jsonrpc: '2.0', id: 901, result: { output: '017a', errors: [] } });
    expect(await server.sendRaw(request(902, [1, 2, 3]))).toEqual({ jsonrpc: '2.0', id: 902, result: { output: '017a', errors: [] } });
    expect(await server.sendRaw(request(903, [1]))).toEqual({ jsonrpc: '2.0', id: 903, result: { output: '017a', errors: [] } });
  });

  it('freezes now from frozen_time and renders errors inline or raised', async () => {
    const { result } = await server.send('compile', { template: "{{ 'now' | date: '%Y' }}|{{ 1 | divided_by: 0 }}" });
    const inline = await server.send('render', { template_id: result.template_id, frozen_time: '2031-06-01T12:00:00Z' });
    expect(inline.result.output).toBe('2031|Liquid error (line 1): divided by 0');
    const raised = await server.send('render', { template_id: result.template_id, options: { strict_errors: true } });
    expect(raised.result.error).toEqual({ type: 'render_error', message: 'divided by 0', line: 1 });
  });

  it('reports parse errors as results', async () => {
    const reply = await server.send('compile', { template: '{% nosuchtag %}' });
    expect(reply.result.template_id).toBeNull();
    expect(reply.result.error).toMatchObject({ type: 'parse_error', message: "Unknown tag 'nosuchtag'", line: 1 });
  });

  it('answers protocol mistakes with JSON-RPC errors', async () => {
    const unknown = await server.send('render', { template_id: 'tmpl_999' });
    expect(unknown.error.code).toBe(-32602);
    expect(unknown.error.message).toBe("Unknown template_id 'tmpl_999'. Call compile first.");
    expect((await server.send('compile', {})).error.message).toMatch(/Missing required parameter 'template'/);
    expect((await server.send('compile', { template: 'x', options: { error_mode: 'foo' } })).error.code).toBe(-32602);
    expect((await server.send('explode')).error.code).toBe(-32601);
    expect((await server.sendRaw('{not json')).error.code).toBe(-32700);
    expect((await server.sendRaw('{"id": 5}')).error.code).toBe(-32600);
  });
});
