/**
 * Shopify's reference Liquid as an oracle: one Ruby process (tools/liquid/ruby/oracle.rb, the liquid gem with
 * ActiveSupport, as Debian ships them: `ruby`, `ruby-liquid`, `ruby-activesupport`) renders each template it is
 * sent, one JSON line each way. Without Ruby or the gem the oracle is unavailable and says why.
 */
import { besideModule } from '../paths.ts';
import { startRubyLines } from './ruby-lines.ts';

const SCRIPT = besideModule(import.meta.url, '../../ruby/oracle.rb');

export type ErrorMode = 'lax' | 'warn' | 'strict';

export interface OracleRequest {
  template: string;
  environment?: Record<string, unknown>;
  partials?: Record<string, string>;
  error_mode?: ErrorMode;
}

/** What the gem answered: the output (runtime errors printed inline), or the error that stopped it. */
export type OracleAnswer = { output: string } | { error: { class: string; message: string } };

export interface RubyOracle {
  /** The gem's version, and ActiveSupport's (null when it could not be loaded). */
  readonly liquid: string;
  readonly activeSupport: string | null;
  render(request: OracleRequest): Promise<OracleAnswer>;
  close(): void;
}

/** The oracle, or why there is none on this machine. */
export async function startRubyOracle(): Promise<RubyOracle | { unavailable: string }> {
  const ruby = await startRubyLines<{ ready: string; active_support: string | null }>(SCRIPT);
  if ('unavailable' in ruby) return ruby;
  return {
    liquid: ruby.ready.ready,
    activeSupport: ruby.ready.active_support,
    render: (request) => ruby.ask<OracleAnswer>(request),
    close: () => ruby.close(),
  };
}
