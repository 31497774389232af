import type { Liquid, Template } from 'liquidjs';
import type { ParseMode } from '../ruby/parse-mode.ts';
import { createLiquid } from '../liquid.ts';
import { memoryFs } from '../memory-fs.ts';
import { defaultRenderState, globalsWithState } from '../state.ts';
import { describeFailure, formatFailure, type LiquidFailure } from '../ruby/errors.ts';
import { withRubyErrorMode, type RubyErrorMode } from '../ruby/error-mode.ts';
import { instantiateEnvironment } from './drops.ts';
import { missingFeaturesOf } from './features.ts';
import type { SpecCase } from './load.ts';

/**
 * liquid-spec freezes the clock here so date specs are reproducible. Its frozen
 * Time is a UTC Time, so dates print in UTC even though the runner sets TZ.
 */
export const SPEC_TIME = new Date('2024-01-01T00:01:58Z');
export const SPEC_TIMEZONE = 'UTC';

export interface CompiledTemplate {
  liquid: Liquid;
  templates: Template[];
  errorMode: RubyErrorMode;
}

export interface RenderOptions {
  /** Ruby's `rethrow_errors: false`: errors print inline and rendering continues. */
  renderErrors: boolean;
  now?: Date;
}

export type RenderResult = { output: string; errors: LiquidFailure[] } | { failure: LiquidFailure };

export class CompileFailure extends Error {
  constructor(readonly failure: LiquidFailure) {
    super(formatFailure(failure));
  }
}

export function compileTemplate(source: string, filesystem: Record<string, string> = {}, errorMode?: string): CompiledTemplate {
  const mode = parseErrorMode(errorMode);
  const liquid = engineFor(stringFiles(filesystem), mode === 'strict' || mode === 'strict2' ? mode : 'lax');
  try {
    return { liquid, templates: liquid.parse(source), errorMode: mode };
  } catch (error) {
    throw new CompileFailure(describeFailure(error, 'parse_error'));
  }
}

/** Engines kept at once, each for one file system in one parse mode. */
const MAX_ENGINES = 64;
const engines = new Map<string, Liquid>();

/**
 * The engine for a case's file system and parse mode, made once and kept (the least recently used go first): its
 * partials are parsed once, on first use, and cached (liquidjs's template cache), however often the cases or a
 * liquid-spec client render them. liquid-spec's file system is case-insensitive, as it specifies.
 */
function engineFor(files: Record<string, string>, parseMode: ParseMode): Liquid {
  const key = `${parseMode}\u0000${JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}`;
  let liquid = engines.get(key);
  if (liquid) engines.delete(key);
  else liquid = createLiquid({ fs: memoryFs(files, { caseInsensitive: true }), unknownFilters: 'ignore', inlineErrors: true, parseMode, cache: true });
  engines.set(key, liquid);
  if (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value!);
  return liquid;
}

export function parseErrorMode(errorMode?: string | null): RubyErrorMode {
  const mode = errorMode ?? 'strict';
  if (mode === 'lax' || mode === 'warn' || mode === 'strict' || mode === 'strict2' || mode === 'raise') return mode;
  throw new RangeError(`Invalid error_mode: expected 'lax', 'warn', 'strict', 'strict2' or 'raise', got '${mode}'`);
}

export async function renderCompiled(compiled: CompiledTemplate, environment: Record<string, unknown>, options: RenderOptions): Promise<RenderResult> {
  const state = defaultRenderState({ now: options.now ?? SPEC_TIME });
  state.shop.timezone = SPEC_TIMEZONE;
  const errors: LiquidFailure[] = [];
  try {
    // Ruby renders the spec's environment as the template's static environment,
    // which `render` partials see too; liquidjs's equivalent is globals.
    // A shallow copy: the render state and error settings go on it, not on the caller's environment.
    const globals = withRubyErrorMode(globalsWithState({ ...instantiateEnvironment(environment) }, state), {
      inline: options.renderErrors,
      report: (failure) => errors.push(failure),
    });
    // Synchronously, as theme pages render.
    const output = compiled.liquid.renderSync(compiled.templates, {}, { globals });
    return { output: String(output), errors };
  } catch (error) {
    return { failure: describeFailure(error, 'render_error') };
  }
}

function stringFiles(filesystem: Record<string, unknown>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, source] of Object.entries(filesystem ?? {})) files[name] = String(source ?? '');
  return files;
}

export type CaseStatus = 'passed' | 'failed' | 'skipped';

export interface CaseOutcome {
  status: CaseStatus;
  /** What the engine produced: its output, or the error as Ruby would print it. */
  actual?: string;
  /** What the case wanted: the output, or the error patterns. */
  wanted?: string;
  reason?: string;
}

export async function runCase(spec: SpecCase): Promise<CaseOutcome> {
  const missing = missingFeaturesOf(spec.features, spec.environment);
  if (missing.length > 0) return { status: 'skipped', reason: `missing features: ${missing.join(', ')}` };
  const result = await compileAndRender(spec.template, spec.filesystem, spec.errorMode, spec.environment, spec.renderErrors);
  const actual =
    'output' in result ? { output: result.output } : { error: 'failure' in result ? errorText(result.failure) : `internal error: ${String(result.internal)}` };
  return judge(spec, actual);
}

/**
 * A template compiled and rendered as this runner does: its output, the failure that stopped it (at parse or
 * render), or an error of the engine's own (`internal`). The Ruby oracle's comparison renders the same way.
 */
export async function compileAndRender(
  source: string,
  filesystem: Record<string, string>,
  errorMode: string | undefined,
  environment: Record<string, unknown>,
  renderErrors: boolean,
): Promise<{ output: string } | { failure: LiquidFailure } | { internal: unknown }> {
  try {
    const result = await renderCompiled(compileTemplate(source, filesystem, errorMode), environment, { renderErrors });
    return 'failure' in result ? { failure: result.failure } : { output: result.output };
  } catch (error) {
    return error instanceof CompileFailure ? { failure: error.failure } : { internal: error };
  }
}

/** The raised error as Ruby's runner sees it: "Class: message", matched by substring. */
function errorText(failure: LiquidFailure): string {
  const rubyClass = failure.rubyClass ?? (failure.kind === 'parse_error' ? 'Liquid::SyntaxError' : undefined);
  return `${failure.kind}: ${rubyClass ? `(${rubyClass}) ` : ''}${formatFailure(failure)}`;
}

/** liquid-spec's rules: an error passes if it matches the `errors` patterns, output must equal `expected`. */
export function judge(spec: SpecCase, actual: { output: string } | { error: string }): CaseOutcome {
  const patterns = Object.entries(spec.errors);
  if ('error' in actual) {
    const matched = patterns.some(([, list]) => matchesAll(actual.error, list));
    return { status: matched ? 'passed' : 'failed', actual: actual.error, wanted: wantedText(spec) };
  }
  if (spec.expected !== undefined) {
    return { status: actual.output === spec.expected ? 'passed' : 'failed', actual: actual.output, wanted: spec.expected };
  }
  const outputPatterns = spec.errors.output;
  if (outputPatterns) {
    return { status: matchesAll(actual.output, outputPatterns) ? 'passed' : 'failed', actual: actual.output, wanted: wantedText(spec) };
  }
  if (patterns.length > 0) return { status: 'failed', actual: actual.output, wanted: wantedText(spec) };
  return { status: 'passed', actual: actual.output };
}

function matchesAll(text: string, patterns: string[]): boolean {
  const lower = text.toLowerCase();
  return patterns.every((pattern) => lower.includes(pattern.toLowerCase()));
}

function wantedText(spec: SpecCase): string {
  if (spec.expected !== undefined) return spec.expected;
  return Object.entries(spec.errors)
    .map(([kind, list]) => `${kind} matching ${JSON.stringify(list)}`)
    .join(' or ');
}
