import { Liquid, TokenKind, type Template } from 'liquidjs';

/**
 * liquidjs has no plugin hook between parsing and rendering, but two Ruby
 * behaviours need one: number literals written as floats (`1.0`) must stay
 * Floats, and a failing node must print an inline error without aborting the
 * page. So the Liquid instance's public parse entry points (`parse`,
 * `parseFile`, `parseFileSync`, and `renderFile*` rebuilt on top of them) are
 * decorated on this instance only — liquidjs itself is untouched — to hand
 * every freshly parsed template tree to the visitors once. Partials are parsed
 * by our own render/include tags (partials.ts), which call `prepareTemplates`.
 */
export type TemplateVisitor = (node: Template) => void;
export type TokenVisitor = (token: { kind: number; content?: unknown; getText(): string }) => void;

const visited = new WeakSet<object>();

const processors = new WeakMap<Liquid, Process>();

export function onParsedTemplates(liquid: Liquid, visitNode: TemplateVisitor, visitToken: TokenVisitor): void {
  const process = (templates: Template[]): Template[] => {
    walk(templates, visitNode, visitToken);
    return templates;
  };
  processors.set(liquid, process);
  const target = liquid as unknown as Record<string, (...args: unknown[]) => unknown>;
  decorateSync(target, 'parse', process);
  decorateSync(target, 'parseFileSync', process);
  decorateAsync(target, 'parseFile', process);
  renderFilesThroughParseFile(liquid);
}

/** Templates parsed outside the decorated entry points (partials) get the same preparation. */
export function prepareTemplates(liquid: Liquid, templates: Template[]): Template[] {
  return processors.get(liquid)?.(templates) ?? templates;
}

/** liquidjs's renderFile parses through a private method; route it through the decorated public parseFile. */
function renderFilesThroughParseFile(liquid: Liquid): void {
  type RenderFileOptions = Parameters<Liquid['renderFile']>[2];
  liquid.renderFile = async (file: string, scope?: object, options?: RenderFileOptions) =>
    liquid.render(await liquid.parseFile(file, options?.lookupType), scope, options);
  liquid.renderFileSync = (file: string, scope?: object, options?: RenderFileOptions) =>
    liquid.renderSync(liquid.parseFileSync(file, options?.lookupType), scope, options);
}

type Process = (templates: Template[]) => Template[];

function decorateSync(target: Record<string, (...args: unknown[]) => unknown>, method: string, process: Process): void {
  const original = target[method];
  if (typeof original !== 'function') return;
  target[method] = function (this: unknown, ...args: unknown[]) {
    return process(original.apply(this, args) as Template[]);
  };
}

function decorateAsync(target: Record<string, (...args: unknown[]) => unknown>, method: string, process: Process): void {
  const original = target[method];
  if (typeof original !== 'function') return;
  target[method] = async function (this: unknown, ...args: unknown[]) {
    return process((await original.apply(this, args)) as Template[]);
  };
}

/** Visits every template node and value token reachable from the parsed tree, each once. */
function walk(value: unknown, visitNode: TemplateVisitor, visitToken: TokenVisitor): void {
  if (value === null || typeof value !== 'object' || visited.has(value) || value instanceof Liquid) return;
  visited.add(value);
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visitNode, visitToken);
    return;
  }
  const record = value as Record<string, unknown>;
  if (isTemplateNode(record)) visitNode(record as unknown as Template);
  else if ((record.kind === TokenKind.Number || record.kind === TokenKind.Quoted) && typeof record.getText === 'function') visitToken(record as never);
  for (const key of Object.keys(record)) {
    if (key === 'liquid' || key === 'input' || key === 'handler') continue;
    walk(record[key], visitNode, visitToken);
  }
}

/** Tags, outputs and text; filters also have `render` and `token` but are not nodes. */
const NODE_KINDS = TokenKind.Tag | TokenKind.Output | TokenKind.HTML;

function isTemplateNode(record: Record<string, unknown>): boolean {
  const token = record.token as { kind?: number } | null | undefined;
  return typeof record.render === 'function' && !!token && typeof token.kind === 'number' && (token.kind & NODE_KINDS) !== 0;
}
