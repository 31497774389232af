import { describe, expect, it } from 'vitest';
import { Liquid, LookupType, Parser } from 'liquidjs';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { memoryFs } from '@encore/liquid/memory-fs.ts';
import { withRubyErrorMode } from '@encore/liquid/ruby/error-mode.ts';

const files = {
  item: '[{{ item }}{{ forloop.index }}]',
  card: 'Card: {{ item.title }}',
  counter: '{% assign count = count | plus: 1 %}',
  shop_name: '{{ shop_name }}|{{ local }}',
  loop_name: '{{ forloop.name }}:{{ forloop.index }}:{{ forloop.last }} ',
  float: '{{ 1.0 }}',
  broken: 'x{{ 1 | divided_by: 0 }}y',
  includer: "{% include 'item' %}",
  breaker: '{{ item }}{% break %}',
};
const liquid = createLiquid({ fs: memoryFs(files), inlineErrors: true });
const render = (template: string, scope: Record<string, unknown> = {}, globals: Record<string, unknown> = {}) =>
  liquid.parseAndRender(template, scope, { globals });
const failure = (template: string, scope: Record<string, unknown> = {}) =>
  render(template, scope).then(
    () => 'no error',
    (error: Error) => error.message,
  );

describe('Ruby render and include', () => {
  it('render is isolated from the caller but sees the globals', async () => {
    expect(await render("{% assign local = 'L' %}{% render 'shop_name' %}", {}, { shop_name: 'My Shop' })).toBe('My Shop|');
  });

  it('render for gives each item a fresh scope and a forloop; with/as binds one value', async () => {
    expect(await render("{% render 'item' for items %}", { items: ['a', 'b'] })).toBe('[a1][b2]');
    expect(await render("{% render 'card' with p as item %}", { p: { title: 'Widget' } })).toBe('Card: Widget');
    // Ruby Liquid 5.4.0 names that forloop after the snippet: "loop_name:1:false loop_name:2:true "
    expect(await render("{% render 'loop_name' for items %}", { items: ['a', 'b'] })).toBe('loop_name:1:false loop_name:2:true ');
  });

  it('include shares the scope, iterates arrays without a forloop and honours aliases', async () => {
    expect(await render("{% include 'counter' for items %}{{ count }}", { items: [1, 2, 3] })).toBe('3');
    expect(await render("{% include 'item' for items %}", { items: ['a', 'b'] })).toBe('[a][b]');
    expect(await render("{% include 'card' with featured as item %}", { featured: { title: 'W' } })).toBe('Card: W');
    expect(await render("{% for o in (1..2) %}{% include 'breaker' for items as item %}{{ o }}{% endfor %}", { items: ['a', 'b'] })).toBe('a');
  });

  it('raises Ruby errors for missing partials, bad names and include inside render', async () => {
    expect(await failure("{% render 'nope' %}")).toMatch(/^Could not find asset nope/);
    expect(await failure('{% include missing %}')).toMatch(/Illegal template name/);
    expect(await failure("{% render 'includer' %}")).toMatch(/include usage is not allowed in this context/);
    expect(() => liquid.parse('{% render name %}')).toThrow(/Template name must be a quoted string/);
  });

  it('prepares partial templates like the main one: float literals and inline errors', async () => {
    expect(await render("{% render 'float' %}")).toBe('1.0');
    const errors: unknown[] = [];
    const globals = withRubyErrorMode({}, { inline: true, report: (f) => errors.push(f) });
    expect(await render("{% render 'broken' %}", {}, globals)).toBe('xLiquid error (broken line 1): divided by 0y');
  });

  it('relies on liquidjs public API that a liquidjs upgrade must keep', () => {
    // partials.ts parses partials with `new Parser(liquid).parseFile(name, sync, LookupType.Partials, currentFile)`.
    expect(LookupType.Partials).toBe('partials');
    expect(typeof new Parser(new Liquid()).parseFile).toBe('function');
  });
});

describe('Ruby tablerow', () => {
  it('puts a newline after each <tr> and always renders a row', async () => {
    expect(await render('{% tablerow i in (1..3) cols:2 %}{{ i }}{% endtablerow %}')).toBe(
      '<tr class="row1">\n<td class="col1">1</td><td class="col2">2</td></tr>\n<tr class="row2"><td class="col1">3</td></tr>\n',
    );
    expect(await render('{% tablerow i in empty %}{{ i }}{% endtablerow %}', { empty: [] })).toBe('<tr class="row1">\n</tr>\n');
    expect(await render('{% tablerow i in (1..2) cols:nil %}{{ tablerowloop.col_last }}{% endtablerow %}')).toBe(
      '<tr class="row1">\n<td class="col1">false</td><td class="col2">false</td></tr>\n',
    );
    expect(await failure('{% tablerow i in (1..2) limit:true %}{% endtablerow %}')).toMatch(/invalid integer/);
  });
});

describe('unknown filters', () => {
  it('are a parse error by default and pass the value through with unknownFilters: ignore', async () => {
    expect(() => createLiquid().parse("{{ 'a' | monee }}")).toThrow(/undefined filter/);
    expect(await createLiquid({ unknownFilters: 'ignore' }).parseAndRender("{{ 'a' | monee | upcase }}")).toBe('A');
  });
});

describe('Ruby standard filters', () => {
  it('sum in decimal, flattening nested arrays', async () => {
    expect(await render('{{ a | sum }}', { a: [0.1, 0.2, 0.3] })).toBe('0.6');
    expect(await render('{{ a | sum }}', { a: [1, [2, [3, 4]]] })).toBe('10');
  });

  it('read strings, hashes and arrays as Ruby does', async () => {
    expect(await render("{{ a | where: '' | join: ' ' }}", { a: ['x', 'y'] })).toBe('x y');
    expect(await render("{{ h | map: 'foo' }}", { h: { foo: 42 } })).toBe('42');
    expect(await render('{{ h | escape }}', { h: { Key: 'V' } })).toBe('{&quot;Key&quot;=&gt;&quot;V&quot;}');
    expect(await render('{{ a | upcase }}', { a: ['foo', 'bar'] })).toBe('["FOO", "BAR"]');
    expect(await render("{{ 'hi' | replace: '', 'x' }}")).toBe('xhxix');
    expect(await render('{{ t | truncatewords: 3 }}', { t: 'one two three' })).toBe('one two three');
  });

  it('slice raises "invalid integer" for non-integers, and that message reaches the caller', async () => {
    expect(await failure("{{ 'hello' | slice: 'x' }}")).toMatch(/^invalid integer/);
    expect(await render("{{ 'hello' | slice: -3, 2 }}")).toBe('ll');
  });
});

describe('Ruby comparisons and ifchanged', () => {
  it('orders numbers with numbers, is false for unordered values and raises for number vs string', async () => {
    expect(await render('{% if 5 > 3 %}Y{% endif %}{% if 5 > true %}Y{% else %}N{% endif %}{% if nil < 1 %}Y{% else %}N{% endif %}')).toBe('YNN');
    expect(await failure('{% if 5 > "x" %}{% endif %}')).toMatch(/^comparison of Integer with String failed/);
  });

  it('ifchanged prints its body only when it changed', async () => {
    expect(await render('{% for i in a %}{% ifchanged %}{{ i }}{% endifchanged %}{% endfor %}', { a: [1, 1, 2, 2, 1] })).toBe('121');
  });
});

describe('array filters on iterable drops', () => {
  it('list the items of an iterable drop', async () => {
    const { SequenceDrop } = await import('@encore/liquid/liquid-spec/drops.ts');
    const seq = new SequenceDrop();
    expect(await render("{{ s | join: ',' }}|{{ s | first }}|{{ s | last }}|{{ s | size }}", { s: seq })).toBe('first,second,third|first|third|3');
  });
});
