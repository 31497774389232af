/**
 * Runs the JSON Schema and turns ajv's errors into one line per offending
 * value that says where it is and what shape was expected, e.g.
 * `/customers/2/orders/0/line_items/1/quantity: must be integer >= 1, got 0`.
 * ajv's own messages name only the failed keyword ("must be >= 1"); a fixture
 * author wants the whole expectation at once.
 */
import Ajv, { type ErrorObject } from 'ajv';
import type { Problem } from './references.ts';
import { storeSchema } from './schema.ts';

type Schema = Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(storeSchema);

export function schemaProblems(data: unknown): Problem[] {
  if (validate(data)) return [];
  return explain(validate.errors ?? []);
}

function explain(errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const push = (path: string, message: string) => {
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) problems.push({ path: path || '/', message }), seen.add(key);
  };
  const anyOfAt = new Set(errors.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  for (const error of errors) {
    const path = error.instancePath;
    const insideAnyOf = anyOfAt.has(path) && /\/anyOf\/\d+\//.test(error.schemaPath);
    const isObject = typeof error.data === 'object' && error.data !== null;
    if (error.keyword === 'anyOf') {
      // An object that is merely wrong inside gets its inner errors instead of "must be object or null".
      if (isObject && errors.some((other) => other !== error && (other.instancePath.startsWith(`${path}/`) || (other.instancePath === path && other.keyword !== 'type' && other.keyword !== 'anyOf')))) continue;
      push(path, `must be ${describe(error.parentSchema as Schema)}, got ${shown(error.data)}`);
    } else if (error.keyword === 'required') {
      const name = (error.params as { missingProperty: string }).missingProperty;
      const expected = ((error.parentSchema as Schema).properties as Record<string, Schema> | undefined)?.[name];
      push(`${path}/${name}`, `is missing; expected ${expected ? describe(expected) : 'a value'}`);
    } else if (error.keyword === 'additionalProperties') {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(((error.parentSchema as Schema).properties as Schema | undefined) ?? {});
      push(`${path}/${escapePointer(name)}`, `is not a known field; expected one of ${known.join(', ')}`);
    } else if (!insideAnyOf) {
      // Inside an anyOf, the anyOf error at the same path speaks for every branch.
      push(path, `must be ${describe(error.parentSchema as Schema)}, got ${shown(error.data)}`);
    }
  }
  return problems;
}

/** The expected shape of a value, in words: "integer >= 1", "one of \"success\", \"cancelled\"". */
export function describe(schema: Schema): string {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    return `${name.replaceAll('_', ' ')} object`;
  }
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Schema[]).map(describe).join(' or ');
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  return types.map((type) => describeType(type, schema)).join(' or ') || 'a value';
}

function describeType(type: string, schema: Schema): string {
  switch (type) {
    case 'integer':
    case 'number': {
      const bounds = [schema.minimum !== undefined ? `>= ${schema.minimum}` : '', schema.maximum !== undefined ? `<= ${schema.maximum}` : ''].filter(Boolean);
      return [type, ...bounds].join(' ');
    }
    case 'string': {
      let words = schema.minLength === 1 ? 'non-empty string' : 'string';
      if (typeof schema.pattern === 'string') words += ` matching /${schema.pattern}/`;
      return words;
    }
    case 'array':
      return typeof schema.minItems === 'number' && schema.minItems > 0 ? `array of at least ${schema.minItems} item(s)` : 'array';
    case 'object':
      return 'object';
    default:
      return type;
  }
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
