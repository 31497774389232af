import { createInterface } from 'node:readline';
import { LiquidSpecSession } from '@encore/liquid/liquid-spec/json-rpc.ts';
import { processIo, runAsScript, type CliIo } from './script.ts';

export interface LiquidSpecIo extends CliIo {
  /** Where requests come from, one JSON object per line. The script reads its stdin. */
  stdin: NodeJS.ReadableStream;
}

/**
 * `npm run liquid-spec-server`: speaks liquid-spec's JSON-RPC protocol over
 * stdio so liquid-spec's own runner can drive this engine. Requests are
 * answered in order, one JSON object per line. Resolves with 0 when the
 * input ends or a `quit` request comes.
 */
export async function liquidSpecServer(_argv: readonly string[], io: LiquidSpecIo): Promise<number> {
  const session = new LiquidSpecSession();
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const reply = await session.handleLine(line);
    if (reply !== undefined) io.stdout.write(`${reply}\n`);
    if (session.quitRequested) break;
  }
  lines.close();
  return 0;
}

runAsScript(import.meta.url, (argv) => liquidSpecServer(argv, { ...processIo(), stdin: process.stdin }));
