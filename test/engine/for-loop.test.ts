import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { withRubyErrorMode } from '@encore/liquid/ruby/error-mode.ts';

// Every expected value below is the output of Ruby Liquid 5.4.0 (Debian's ruby-liquid), rendered with
//   ruby -e 'require "liquid"; puts Liquid::Template.parse(ARGV[0], error_mode: :strict).render!(DATA)' TEMPLATE
// where DATA is the scope given to `render` here; the Ruby output is quoted in each comment.
const liquid = createLiquid({ parseMode: 'strict' });
const data = { a: [1, 2, 3, 4, 5], s: 'abc', h: { x: 1, y: 2 }, e: [], n: null, two: '2', f: 2.5, neg: -1 };
const render = (template: string) => liquid.parseAndRenderSync(template, data);

describe('for: limit, offset and reversed', () => {
  it('applies offset before limit whatever order they are written in', () => {
    // Ruby: "23" for both
    expect(render('{% for x in a limit:2 offset:1 %}{{x}}{% endfor %}')).toBe('23');
    expect(render('{% for x in a offset:1 limit:2 %}{{x}}{% endfor %}')).toBe('23');
    // Ruby: "23" (spaces after the colon are fine)
    expect(render('{% for x in a limit: 2 offset: 1 %}{{x}}{% endfor %}')).toBe('23');
  });

  it('reverses the slice, not the collection', () => {
    // Ruby: "32" for both orders
    expect(render('{% for x in a reversed limit:2 offset:1 %}{{x}}{% endfor %}')).toBe('32');
    expect(render('{% for x in a reversed offset:1 limit:2 %}{{x}}{% endfor %}')).toBe('32');
    // Ruby: "21" (the first two, reversed; not the last two)
    expect(render('{% for x in a reversed limit:2 %}{{x}}{% endfor %}')).toBe('21');
    // Ruby: "12true22false": forloop counts the slice in its new order
    expect(render('{% for x in a reversed limit:2 offset:1 %}{{forloop.index}}{{forloop.length}}{{forloop.first}}{% endfor %}')).toBe('12true22false');
  });

  it('rejects reversed after the attributes in strict mode, and ignores it in lax mode, as Ruby does', () => {
    // Ruby strict: Liquid syntax error: Expected end_of_string but found id in "x in a limit:2 offset:1 reversed"
    expect(() => render('{% for x in a limit:2 offset:1 reversed %}{{x}}{% endfor %}')).toThrow(
      'Expected end_of_string but found id in "x in a limit:2 offset:1 reversed"',
    );
    // Ruby lax: "23" (the `reversed` after the attributes is not read); Shopify's storefront parses themes laxly.
    expect(createLiquid().parseAndRenderSync('{% for x in a limit:2 offset:1 reversed %}{{x}}{% endfor %}', data)).toBe('23');
    // Ruby strict: Liquid syntax error: Invalid attribute in for loop. Valid attributes are limit and offset
    expect(() => render('{% for x in a step:2 %}{{x}}{% endfor %}')).toThrow('Invalid attribute in for loop. Valid attributes are limit and offset');
  });

  it('treats negative values as Ruby compares indexes: a negative offset starts at the first item, a negative limit leaves nothing', () => {
    // Ruby: "12345"
    expect(render('{% for x in a offset:-2 %}{{x}}{% endfor %}')).toBe('12345');
    // Ruby: "12345" (offset: neg, a variable holding -1)
    expect(render('{% for x in a offset:neg %}{{x}}{% endfor %}')).toBe('12345');
    // Ruby: "1" (the end is offset + limit = 1)
    expect(render('{% for x in a offset:-2 limit:3 %}{{x}}{% endfor %}')).toBe('1');
    // Ruby: "empty"
    expect(render('{% for x in a limit:-1 %}{{x}}{% else %}empty{% endfor %}')).toBe('empty');
    expect(render('{% for x in a limit:neg %}{{x}}{% else %}empty{% endfor %}')).toBe('empty');
    // Ruby: "empty" (from 3 to 2)
    expect(render('{% for x in a offset:3 limit:-1 %}{{x}}{% else %}empty{% endfor %}')).toBe('empty');
  });

  it('renders else when the slice is empty, not only when the collection is', () => {
    // Ruby: "empty" for both
    expect(render('{% for x in a offset:10 %}{{x}}{% else %}empty{% endfor %}')).toBe('empty');
    expect(render('{% for x in a limit:0 %}{{x}}{% else %}empty{% endfor %}')).toBe('empty');
  });

  it('reads limit and offset with Ruby Integer(): numeric strings count, nil means no limit', () => {
    // Ruby: "12" for "2", a variable holding "2", and " 2 "
    expect(render('{% for x in a limit:"2" %}{{x}}{% endfor %}')).toBe('12');
    expect(render('{% for x in a limit:two %}{{x}}{% endfor %}')).toBe('12');
    expect(render('{% for x in a limit:" 2 " %}{{x}}{% endfor %}')).toBe('12');
    // Ruby: "12" ("0x2" is hexadecimal), "12345" ("010" is octal 8, "1_0" is 10)
    expect(render('{% for x in a limit:"0x2" %}{{x}}{% endfor %}')).toBe('12');
    expect(render('{% for x in a limit:"010" %}{{x}}{% endfor %}')).toBe('12345');
    expect(render('{% for x in a limit:"1_0" %}{{x}}{% endfor %}')).toBe('12345');
    // Ruby: "12345" for a nil limit and a nil offset
    expect(render('{% for x in a limit:n %}{{x}}{% endfor %}')).toBe('12345');
    expect(render('{% for x in a offset:n %}{{x}}{% endfor %}')).toBe('12345');
  });

  it('raises "invalid integer" for anything else, even when the collection is empty', () => {
    // Ruby: Liquid::ArgumentError "Liquid error: invalid integer" for every one of these
    for (const argument of [
      'limit:"abc"',
      'limit:"2abc"',
      'limit:""',
      'limit:2.5',
      'limit:f',
      'limit:"2.0"',
      'limit:true',
      'limit:a',
      'limit:h',
      'offset:"abc"',
    ]) {
      expect(() => render(`{% for x in a ${argument} %}{{x}}{% endfor %}`), argument).toThrow('invalid integer');
    }
    expect(() => render('{% for x in e limit:"abc" %}{{x}}{% else %}empty{% endfor %}')).toThrow('invalid integer');
    expect(() => render('{% for x in n limit:"abc" %}{{x}}{% else %}empty{% endfor %}')).toThrow('invalid integer');
  });

  it('prints the error inline on a storefront render', () => {
    const inline = createLiquid({ inlineErrors: true });
    const globals = withRubyErrorMode({}, { inline: true });
    // Ruby (render, not render!): "a Liquid error: invalid integer b"; Shopify's storefront adds the line
    expect(inline.parseAndRenderSync('a {% for x in a limit:"abc" %}{{x}}{% endfor %} b', data, { globals })).toBe(
      'a Liquid error (line 1): invalid integer b',
    );
  });

  it('continues where the previous loop over the same variable and collection stopped', () => {
    // Ruby: "12|34|5|done"
    expect(
      render(
        '{% for x in a limit:2 %}{{x}}{% endfor %}|{% for x in a offset:continue limit:2 %}{{x}}{% endfor %}|' +
          '{% for x in a offset:continue %}{{x}}{% endfor %}|{% for x in a offset:continue %}{{x}}{% else %}done{% endfor %}',
      ),
    ).toBe('12|34|5|done');
    // Ruby: "12345": nothing to continue from
    expect(render('{% for x in a offset:continue %}{{x}}{% endfor %}')).toBe('12345');
    // Ruby: "21|543": the position is where the first slice ended, whatever its order
    expect(render('{% for x in a reversed limit:2 %}{{x}}{% endfor %}|{% for x in a reversed offset:continue %}{{x}}{% endfor %}')).toBe('21|543');
    // Ruby: "12|12345": another loop variable is another loop
    expect(render('{% for x in a limit:2 %}{{x}}{% endfor %}|{% for y in a offset:continue %}{{y}}{% endfor %}')).toBe('12|12345');
    // Ruby: "1|345": a break does not move the position back
    expect(render('{% for x in a limit:2 %}{{x}}{% break %}{% endfor %}|{% for x in a offset:continue %}{{x}}{% endfor %}')).toBe('1|345');
  });

  it('slices ranges and hashes, and keeps a string as its one item', () => {
    // Ruby: "32"
    expect(render('{% for x in (1..5) reversed limit:2 offset:1 %}{{x}}{% endfor %}')).toBe('32');
    // Ruby: "y"
    expect(render('{% for x in h offset:1 %}{{x[0]}}{% endfor %}')).toBe('y');
    // Ruby: "abc" for both: a string is not sliced
    expect(render('{% for x in s offset:1 %}{{x}}{% endfor %}')).toBe('abc');
    expect(render('{% for x in s limit:0 %}{{x}}{% else %}empty{% endfor %}')).toBe('abc');
  });

  it('names the loop variable-collection and prints forloop as Ruby does', () => {
    // Ruby: "Liquid::ForloopDrop|x-a|" then "x-a1" for the parentloop of a nested loop
    expect(render('{% for x in a limit:1 %}{{forloop}}|{{forloop.name}}|{% endfor %}')).toBe('Liquid::ForloopDrop|x-a|');
    expect(render('{% for x in a limit:1 %}{% for y in a limit:1 %}{{forloop.parentloop.name}}{{forloop.parentloop.index}}{% endfor %}{% endfor %}')).toBe(
      'x-a1',
    );
  });
});

describe('tablerow: limit and offset (the same slicing as for)', () => {
  it('slices like for, with a string as its one cell', () => {
    // Ruby: "<tr class=\"row1\">\n<td class=\"col1\">2</td><td class=\"col2\">3</td></tr>\n" for both orders
    const expected = '<tr class="row1">\n<td class="col1">2</td><td class="col2">3</td></tr>\n';
    expect(render('{% tablerow x in a limit:2 offset:1 %}{{x}}{% endtablerow %}')).toBe(expected);
    expect(render('{% tablerow x in a offset:1 limit:2 %}{{x}}{% endtablerow %}')).toBe(expected);
    // Ruby: "<tr class=\"row1\">\n<td class=\"col1\">1</td></tr>\n"
    expect(render('{% tablerow x in a offset:-2 limit:3 %}{{x}}{% endtablerow %}')).toBe('<tr class="row1">\n<td class="col1">1</td></tr>\n');
    // Ruby: "<tr class=\"row1\">\n</tr>\n"
    expect(render('{% tablerow x in a limit:-1 %}{{x}}{% endtablerow %}')).toBe('<tr class="row1">\n</tr>\n');
    // Ruby: "<tr class=\"row1\">\n<td class=\"col1\">abc</td></tr>\n"
    expect(render('{% tablerow x in s offset:1 %}{{x}}{% endtablerow %}')).toBe('<tr class="row1">\n<td class="col1">abc</td></tr>\n');
  });

  it('reads its numbers with to_i, unlike for', () => {
    // Ruby 5.4's tablerow calls to_i: "2abc" is 2 and 2.7 is 2, both "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n"
    const expected = '<tr class="row1">\n<td class="col1">1</td><td class="col2">2</td></tr>\n';
    expect(render('{% tablerow x in a limit:"2abc" %}{{x}}{% endtablerow %}')).toBe(expected);
    expect(render('{% tablerow x in a limit:2.7 %}{{x}}{% endtablerow %}')).toBe(expected);
  });
});
