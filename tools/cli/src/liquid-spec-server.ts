import { createInterface } from 'node:readline';
import { LiquidSpecSession } from '@encore/liquid/liquid-spec/json-rpc.ts';

/**
 * `npm run liquid-spec-server`: speaks liquid-spec's JSON-RPC protocol over
 * stdio so liquid-spec's own runner can drive this engine. Requests are
 * answered in order, one JSON object per line.
 */
const session = new LiquidSpecSession();
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });

for await (const line of lines) {
  const reply = await session.handleLine(line);
  if (reply !== undefined) process.stdout.write(`${reply}\n`);
  if (session.quitRequested) break;
}
lines.close();
