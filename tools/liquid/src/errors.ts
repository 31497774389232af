import path from 'node:path';
import { ALLOCATIONS_MESSAGE, LIQUIDJS_ALLOCATIONS } from './render-budget.ts';

/**
 * A mistake in a theme or template, told the way a theme developer looks for it:
 * `sections/encore-main-order.liquid:42: unknown filter 'monee'`. The CLIs print the
 * message alone (no stack trace) and exit non-zero.
 */
export class ThemeError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file ? `${file}${line ? `:${line}` : ''}: ` : ''}${detail}`);
    this.name = 'ThemeError';
  }
}

interface LiquidErrorLike extends Error {
  token?: { file?: string; getPosition?: () => [number, number] };
  originalError?: Error;
}

/** Filters the Liquid reference documents, for telling "not emulated yet" from "unknown". */
export type FilterCatalog = { isDocumented(name: string): boolean };

/**
 * Turns a liquidjs error into a ThemeError that names the innermost theme file
 * and line (a render error inside a snippet names the snippet, not the section).
 */
export function toThemeError(error: unknown, themeDir: string | undefined, filters?: FilterCatalog): ThemeError {
  if (error instanceof ThemeError) return error;
  let current = error as LiquidErrorLike;
  let file: string | undefined;
  let line: number | undefined;
  while (current) {
    const token = current.token;
    if (token?.getPosition) {
      if (token.file) file = token.file;
      line = token.getPosition()[0];
    }
    if (!current.originalError || current.originalError instanceof ThemeError) break;
    current = current.originalError as LiquidErrorLike;
  }
  if (current instanceof ThemeError) return current;
  const relative = file && themeDir ? path.relative(themeDir, file) : file;
  return new ThemeError(relative, line, describe(rootMessage(current ?? (error as Error)), filters));
}

function rootMessage(error: Error): string {
  return String(error?.message ?? error)
    .replace(/, file:.*$/s, '')
    .replace(/, line:\d+, col:\d+$/s, '');
}

function describe(message: string, filters?: FilterCatalog): string {
  if (LIQUIDJS_ALLOCATIONS.test(message)) return ALLOCATIONS_MESSAGE;
  const undefinedFilter = /^undefined filter: (.+)$/.exec(message);
  if (undefinedFilter) {
    const name = undefinedFilter[1];
    return filters?.isDocumented(name) ? `filter '${name}' is not emulated yet` : `unknown filter '${name}'`;
  }
  return message;
}
