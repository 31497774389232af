import { startRubyOracle } from './oracle.ts';
import { corpus } from './corpus.ts';
import { compareWithRuby } from './compare.ts';
import { DELIBERATE, PENDING } from './declared.ts';
const oracle = await startRubyOracle();
if ('unavailable' in oracle) throw new Error(oracle.unavailable);
const results = await compareWithRuby(oracle, corpus());
oracle.close();
console.log('agree', results.filter((r) => r.agree).length, 'of', results.length);
for (const d of [...DELIBERATE, ...PENDING]) {
  const differ = results.filter((r) => !r.agree && d.covers(r.case));
  console.log(differ.length, 'differ:', d.cause);
  for (const r of differ.slice(0, 25)) console.log('    ', r.case.id, 'R=', JSON.stringify(r.ruby).slice(0, 70), 'E=', JSON.stringify(r.engine).slice(0, 70));
}
