import type { Context } from 'liquidjs';
import type { LiquidFailure } from './errors.ts';

/**
 * Ruby Liquid's error modes as liquid-spec's protocol names them. `strict` and `strict2` parse strictly
 * (parse-mode.ts); `lax` and `warn` (which Ruby parses strictly only to warn, then laxly) parse laxly.
 */
export type RubyErrorMode = 'lax' | 'warn' | 'strict' | 'strict2' | 'raise';

export interface RubyErrorSettings {
  /** Render errors print inline ("Liquid error (line N): ...") and rendering goes on, as on Shopify. */
  inline: boolean;
  /** Syntax errors (a partial parsed on first render) still raise, as theme renders want; liquid-spec prints them. */
  raiseSyntaxErrors?: boolean;
  /**
   * Every inline error names its file and line, even those Ruby prints without one (a missing snippet): Shopify's
   * storefront does (`Liquid error (sections/header line 12): Could not find asset snippets/x.liquid`).
   */
  locateAll?: boolean;
  /** Other errors that stop the render instead of printing inline (a theme page's: a section that does not parse). */
  stops?: (error: unknown) => boolean;
  /** Told about every error printed inline. */
  report?: (failure: LiquidFailure) => void;
}

/** Kept in globals under a symbol, like the render state: shared with `render` scopes, unreachable from templates. */
const ERROR_SETTINGS = Symbol('encore.rubyErrorSettings');

type WithSettings = { [ERROR_SETTINGS]?: RubyErrorSettings };

export function withRubyErrorMode(globals: Record<string, unknown>, settings: RubyErrorSettings): Record<string, unknown> {
  return Object.assign(globals, { [ERROR_SETTINGS]: settings });
}

const RAISE: RubyErrorSettings = { inline: false };

/** Tolerates a missing context or globals (a node rendered outside liquidjs's renderer): errors then raise. */
export function rubyErrorSettings(ctx: Context | undefined): RubyErrorSettings {
  return (ctx?.globals as WithSettings | undefined)?.[ERROR_SETTINGS] ?? RAISE;
}
