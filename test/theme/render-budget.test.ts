/**
 * A page over its render budget stops with the limit, the file and the line (tools/liquid/src/ruby/budget.ts),
 * inline errors or not, in the storefront `npm run render` and the studio use. The time limit runs on a moved
 * clock, never the machine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Storefront } from '@encore/studio/storefront.ts';
import { budgetClock, RENDER_BUDGET } from '@encore/liquid/ruby/budget.ts';
import { ThemeError } from '@encore/liquid/errors.ts';
import { themeCopy } from '../preview/support.ts';

const themes: string[] = [];
afterEach(() => {
  for (const dir of themes.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  budgetClock.now = () => performance.now();
});

/** The order page of a theme whose layout runs `liquid` first, and its snippets `snippets`. */
async function orderPageWith(liquid: string, snippets: Record<string, string> = {}): Promise<unknown> {
  const dir = themeCopy();
  themes.push(dir);
  const layout = path.join(dir, 'layout', 'theme.liquid');
  fs.writeFileSync(layout, fs.readFileSync(layout, 'utf8').replace('<body', `${liquid}<body`));
  for (const [name, text] of Object.entries(snippets)) fs.writeFileSync(path.join(dir, 'snippets', `${name}.liquid`), text);
  const line =
    fs
      .readFileSync(layout, 'utf8')
      .split('\n')
      .findIndex((text) => text.includes(liquid)) + 1;
  try {
    await new Storefront({ themeDir: dir }).render({ template: 'customers/order', order: '1003' });
    return { line, error: null };
  } catch (error) {
    return { line, error: error instanceof ThemeError ? { file: error.file, line: error.line, detail: error.detail } : String(error) };
  }
}

describe('the render budget', () => {
  it('a range of 100,000,000 numbers is refused before it is made: layout/theme.liquid at its line', async () => {
    const { line, error } = (await orderPageWith('{% for i in (1..100000000) %}{{ i }}{% endfor %}')) as { line: number; error: unknown };
    expect(error).toEqual({
      file: 'layout/theme.liquid',
      line,
      detail: 'Render budget exceeded: more than 50,000,000 elements and characters made by ranges and string filters in one page',
    });
  });

  it('a 20,000 × 20,000 loop stops at 1,000,000 iterations', async () => {
    const { line, error } = (await orderPageWith('{% for i in (1..20000) %}{% for j in (1..20000) %}x{% endfor %}{% endfor %}')) as {
      line: number;
      error: unknown;
    };
    expect(RENDER_BUDGET.loopIterations).toBe(1_000_000);
    expect(error).toEqual({
      file: 'layout/theme.liquid',
      line,
      detail: 'Render budget exceeded: more than 1,000,000 loop iterations and partials in one page',
    });
  });

  it('output past 16 MB stops the page', async () => {
    const { error } = (await orderPageWith(`{% for i in (1..5000) %}{{ '${'x'.repeat(4000)}' }}{% endfor %}`)) as { error: { detail: string } };
    expect(error.detail).toBe('Render budget exceeded: more than 16 MB of output');
  });

  it('a snippet that renders itself twice over: stopped by the clock in the snippet, at the render that was due past 5 s', async () => {
    let now = 0;
    // Every loop iteration or partial takes a millisecond on this clock: the 5,001st is over.
    budgetClock.now = () => now++;
    const boom = '{% liquid\nassign d = depth | plus: 1\nif d < 25\n  render "boom", depth: d\n  render "boom", depth: d\nendif\n%}x';
    const { error } = (await orderPageWith('{% render "boom", depth: 0 %}', { boom })) as { error: { file: string; line: number; detail: string } };
    expect({ file: error.file, detail: error.detail }).toEqual({
      file: 'snippets/boom.liquid',
      detail: 'Render budget exceeded: the page took more than 5 s to render',
    });
    // One of the snippet's two renders (lines 4 and 5).
    expect([4, 5]).toContain(error.line);
  });

  it('a page within every limit renders as before', async () => {
    const { error } = (await orderPageWith('{% for i in (1..1000) %}{% endfor %}')) as { error: unknown };
    expect(error).toBeNull();
  });
});
