/**
 * Shopify's reference Liquid as an oracle: one Ruby process (tools/liquid/ruby/oracle.rb, the liquid gem with
 * ActiveSupport, as Debian ships them: `ruby`, `ruby-liquid`, `ruby-activesupport`) renders each template it is
 * sent, one JSON line each way. Without Ruby or the gem the oracle is unavailable and says why.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { besideModule } from '../paths.ts';

const SCRIPT = besideModule(import.meta.url, '../../ruby/oracle.rb');
const INSTALL = 'apt-get install ruby ruby-liquid ruby-activesupport';

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
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn('ruby', [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    return { unavailable: `ruby could not start (${(error as Error).message}); ${INSTALL}` };
  }
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string | null) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const ended = () => {
    for (const waiter of waiting.splice(0)) waiter(null);
  };
  child.on('exit', ended);
  child.on('error', ended);
  const next = () => new Promise<string | null>((resolve) => (child.exitCode !== null ? resolve(null) : waiting.push(resolve)));
  const first = await next();
  if (first === null) {
    const reason = /cannot load such file -- liquid/.test(stderr) ? 'the liquid gem is not installed' : stderr.trim().split('\n')[0] || 'ruby is not installed';
    return { unavailable: `${reason}; ${INSTALL}` };
  }
  const ready = JSON.parse(first) as { ready: string; active_support: string | null };
  // One request at a time: answers come back in order, each waiting for the one before.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    liquid: ready.ready,
    activeSupport: ready.active_support,
    render(request) {
      const answer = queue.then(async () => {
        child.stdin.write(`${JSON.stringify(request)}\n`);
        const line = await next();
        if (line === null) throw new Error(`the Ruby oracle stopped: ${stderr.trim()}`);
        return JSON.parse(line) as OracleAnswer;
      });
      queue = answer.catch(() => {});
      return answer;
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}
