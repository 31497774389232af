/**
 * A Ruby script of the reference gem (tools/liquid/ruby/*.rb) as a process answering one JSON line per JSON line
 * it is sent, after a first line saying it is ready. The oracle and the liquid-spec benchmark both talk to Ruby
 * this way. Without Ruby or the gem it is unavailable and says why.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export const INSTALL = 'apt-get install ruby ruby-liquid ruby-activesupport';

export interface RubyLines<Ready> {
  /** The script's first line. */
  readonly ready: Ready;
  /** Sends one request and resolves with its answer; requests are answered in order, one at a time. */
  ask<Answer>(request: unknown): Promise<Answer>;
  close(): void;
}

export async function startRubyLines<Ready>(script: string): Promise<RubyLines<Ready> | { unavailable: string }> {
  let child: ChildProcessWithoutNullStreams;
  try {
    child = spawn('ruby', [script], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  // One request at a time: answers come back in order, each waiting for the one before.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ready: JSON.parse(first) as Ready,
    ask<Answer>(request: unknown) {
      const answer = queue.then(async () => {
        child.stdin.write(`${JSON.stringify(request)}\n`);
        const line = await next();
        if (line === null) throw new Error(`the Ruby script ${script} stopped: ${stderr.trim()}`);
        return JSON.parse(line) as Answer;
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
