import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parseDocument, visit, isScalar, Scalar } from 'yaml';
import { RubyFloat } from '../ruby/float.ts';

/** One liquid-spec case, normalised from its YAML form. */
export interface SpecCase {
  suite: string;
  file: string;
  name: string;
  template: string;
  environment: Record<string, unknown>;
  filesystem: Record<string, string>;
  /** Exact output; undefined when the case checks `errors` instead. */
  expected?: string;
  /** `parse_error` / `render_error` / `output` → substrings that must all appear (case-insensitive). */
  errors: Record<string, string[]>;
  features: string[];
  /** The first mode of the case's list: Ruby's adapter parses with that one. */
  errorMode?: string;
  /** true: render errors print inline; false: they raise (Ruby's `rethrow_errors`). */
  renderErrors: boolean;
}

export interface SpecSuite {
  id: string;
  name: string;
  dir: string;
  features: string[];
  cases: SpecCase[];
}

/** The folder of suites shipped beside the repository (`../shared/liquid-spec/specs`). */
export function defaultSpecsDir(repoRoot: string): string {
  return join(repoRoot, '..', 'shared', 'liquid-spec', 'specs');
}

export function loadSuites(specsDir: string): SpecSuite[] {
  if (!existsSync(specsDir)) throw new Error(`liquid-spec folder not found: ${specsDir}`);
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, 'suite.yml')))
    .map((entry) => loadSuite(join(specsDir, entry.name)))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function loadSuite(dir: string): SpecSuite {
  const meta = (readYaml(join(dir, 'suite.yml')) ?? {}) as Record<string, unknown>;
  const defaults = (meta.defaults ?? {}) as Record<string, unknown>;
  const id = basename(dir);
  const suite: SpecSuite = { id, name: String(meta.name ?? id), dir, features: asList(meta.features).map(String), cases: [] };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yml') && f !== 'suite.yml')
    .sort();
  for (const file of files) suite.cases.push(...loadCaseFile(join(dir, file), suite, defaults));
  return suite;
}

function loadCaseFile(path: string, suite: SpecSuite, defaults: Record<string, unknown>): SpecCase[] {
  const doc = readYaml(path);
  const metadata = (!Array.isArray(doc) && doc && typeof doc === 'object' ? (doc as Record<string, unknown>)._metadata : undefined) as
    Record<string, unknown> | undefined;
  const raw = Array.isArray(doc) ? doc : ((doc as Record<string, unknown> | null)?.specs ?? []);
  const fileFeatures = asList(metadata?.features).map(String);
  // `data_files`: YAML files (beside the suite) whose top-level keys every case of the file sees, under its own.
  const data = Object.assign({}, ...asList(metadata?.data_files).map((file) => readYaml(join(suite.dir, String(file))) as Record<string, unknown>));
  return (raw as Record<string, unknown>[]).map((entry) => {
    const withData = Object.keys(data).length > 0 ? { ...entry, environment: { ...data, ...((entry.environment ?? {}) as object) } } : entry;
    return normaliseCase({ ...defaults, ...withData }, suite, basename(path), [...suite.features, ...fileFeatures]);
  });
}

function normaliseCase(entry: Record<string, unknown>, suite: SpecSuite, file: string, inherited: string[]): SpecCase {
  const generated = generateValues(entry.generate);
  const mode = Array.isArray(entry.error_mode) ? entry.error_mode[0] : entry.error_mode;
  const errors: Record<string, string[]> = {};
  for (const [kind, patterns] of Object.entries((entry.errors ?? {}) as Record<string, unknown>)) {
    errors[kind] = asList(patterns).map(String);
  }
  const features = [...new Set([...inherited, ...asList(entry.features)].map(String))].filter((f) => f !== 'core');
  // Only cases whose output shows such a hash (`{1=>"bar"}`, also HTML- or URL-escaped or in Base64) depend on the
  // keys' type, and those whose hashes a value finds by a key JavaScript cannot tell apart: a Float (`1.0` and `1`
  // are two keys) or a collection (a Range: `{(1..5)=>0.4}`).
  const keys = nonStringKeys(entry.environment);
  if (keys.length > 0 && (showsHash(String(entry.expected ?? '')) || keys.some(isUnkeyable))) {
    features.push('ruby_hash_keys');
  }
  return {
    suite: suite.id,
    file,
    name: String(entry.name),
    template: interpolate(String(entry.template ?? ''), generated),
    environment: (entry.environment ?? {}) as Record<string, unknown>,
    filesystem: (entry.filesystem ?? {}) as Record<string, string>,
    expected: entry.expected === undefined || entry.expected === null ? undefined : interpolate(String(entry.expected), generated),
    errors,
    features,
    errorMode: mode == null ? undefined : (typeof mode === 'symbol' ? (mode.description ?? '') : String(mode)).replace(/^:/, ''),
    renderErrors: entry.render_errors === true,
  };
}

/**
 * `generate:` asks for random values substituted as `#{n}` / `#{n * n}`; a fixed
 * choice (the middle of the range) keeps runs reproducible.
 */
function generateValues(spec: unknown): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [name, range] of Object.entries((spec ?? {}) as Record<string, unknown>)) {
    const [min, max] = Array.isArray(range)
      ? range.map(Number)
      : [Number((range as Record<string, unknown>).min ?? 1), Number((range as Record<string, unknown>).max ?? 100)];
    values[name] = Math.floor((min + max) / 2);
  }
  return values;
}

function interpolate(text: string, values: Record<string, number>): string {
  if (Object.keys(values).length === 0) return text;
  return text.replace(/#\{([^}]*)\}/g, (_, expr: string) => String(evaluateProduct(expr, values)));
}

/** Generated expressions are products/sums of names and integers, e.g. `n * n`. */
function evaluateProduct(expr: string, values: Record<string, number>): number {
  return expr.split('+').reduce((sum, term) => {
    const product = term.split('*').reduce((acc, factor) => {
      const name = factor.trim();
      return acc * (name in values ? values[name] : Number(name));
    }, 1);
    return sum + product;
  }, 0);
}

function asList(value: unknown): unknown[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * YAML `1.0` would become the JS number 1 and print as "1"; Ruby keeps it a
 * Float ("1.0"). Number scalars written with a decimal point or exponent are
 * loaded as RubyFloat so the distinction survives into the environment.
 */
export function readYaml(path: string): unknown {
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: false, logLevel: 'silent' });
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && isRubySymbolScalar(pair.key)) pair.key.value = SYMBOL_KEY + String(pair.key.value).slice(1);
      else if (isScalar(pair.key) && typeof pair.key.value !== 'string') pair.key.value = NON_STRING_KEY + String(pair.key.value);
      // A list or hash as a key (a Range marker): its text, marked as no string key.
      else if (pair.key && !isScalar(pair.key)) pair.key = new Scalar(NON_STRING_KEY + String(pair.key));
    },
    Scalar(_key, node) {
      if (isRubyFloatScalar(node)) node.value = new RubyFloat(node.value as number);
      else if (isRubySymbolScalar(node)) node.value = Symbol.for(String(node.value).slice(1));
    },
  });
  return symbolKeys(doc.toJS({ maxAliasCount: -1 }), new Set());
}

/**
 * Ruby's YAML loads a plain `:foo` as the Symbol :foo. Symbol-keyed hashes are
 * common in the specs: their keys become JS symbols (`Symbol.for('foo')`), which,
 * like Ruby symbols, a template cannot look up by name and output.ts prints as
 * `:foo`. The yaml library stringifies keys, so they travel marked until here.
 */
const SYMBOL_KEY = '\u0000symbol:';

/**
 * Ruby hashes may have Integer, nil or boolean keys (`{1=>"bar"}`); a JS object
 * key is always a string, so such a hash cannot print or compare as Ruby's does.
 * The key is loaded as its string and the hash remembered, so the case can be
 * skipped as needing the `ruby_hash_keys` feature.
 */
const NON_STRING_KEY = '\u0000key:';
const hashesWithNonStringKeys = new WeakSet<object>();

function showsHash(expected: string): boolean {
  if (/=>|=&gt;|%3D%3E/.test(expected)) return true;
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(expected) && Buffer.from(expected, 'base64').toString('utf8').includes('=>');
}

function isUnkeyable(key: string): boolean {
  return /^-?\d+\.\d+$/.test(key) || /^[[{]/.test(key);
}

/** The keys, as loaded, of the hashes whose YAML keys were not strings. */
function nonStringKeys(value: unknown, seen = new Set<object>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const own = hashesWithNonStringKeys.has(value) ? Object.keys(value) : [];
  return [...own, ...Object.values(value).flatMap((item) => nonStringKeys(item, seen))];
}

function isRubySymbolScalar(node: Scalar): boolean {
  return node.type === 'PLAIN' && typeof node.value === 'string' && /^:[A-Za-z_][\w]*[?!]?$/.test(node.value);
}

function symbolKeys(value: unknown, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = symbolKeys(value[i], seen);
    return value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const record = value as Record<PropertyKey, unknown>;
  for (const key of Object.keys(record)) {
    const converted = symbolKeys(record[key], seen);
    if (key.startsWith(NON_STRING_KEY)) {
      delete record[key];
      record[key.slice(NON_STRING_KEY.length)] = converted;
      hashesWithNonStringKeys.add(record);
    } else if (!key.startsWith(SYMBOL_KEY)) record[key] = converted;
    else {
      delete record[key];
      record[Symbol.for(key.slice(SYMBOL_KEY.length))] = converted;
    }
  }
  return value;
}

function isRubyFloatScalar(node: Scalar): boolean {
  return typeof node.value === 'number' && Number.isFinite(node.value) && /[.eE]/.test(node.source ?? '') && isScalar(node);
}
