import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { memoryFs } from '@encore/liquid/memory-fs.ts';
import { describeFailure, formatFailure } from '@encore/liquid/ruby/errors.ts';
import type { ParseMode } from '@encore/liquid/ruby/parse-mode.ts';

/** What the engine prints for a template in a parse mode: its output, or the syntax error as Ruby words it. */
async function outcome(template: string, parseMode: ParseMode, files: Record<string, string> = {}): Promise<string> {
  const liquid = createLiquid({ parseMode, fs: memoryFs(files), unknownFilters: 'ignore' });
  try {
    return await liquid.parseAndRender(template, { list: [1, 2], x: 'X' });
  } catch (error) {
    return `ERR ${formatFailure(describeFailure(error, 'render_error'))}`;
  }
}

describe("strict: the gem 5.4's strict parser", () => {
  // Each expectation is what `Liquid::Template.parse(source, error_mode: :strict)` of the liquid gem 5.4 raises or
  // renders (with list = [1, 2], x = "X").
  it('refuses what its lexer and grammar refuse, quoting the markup', async () => {
    expect(await outcome('{% assign x = 1 %}\n{% if x = 1 %}a{% endif %}', 'strict')).toBe(
      'ERR Liquid syntax error (line 2): Unexpected character = in "x = 1"',
    );
    expect(await outcome('{{ 1 | }}', 'strict')).toBe('ERR Liquid syntax error (line 1): Expected id but found end_of_string in "{{ 1 | }}"');
    expect(await outcome("{{ x | default: 'a' 'b' }}", 'strict')).toBe(
      `ERR Liquid syntax error (line 1): Expected end_of_string but found string in "{{ x | default: 'a' 'b' }}"`,
    );
    expect(await outcome('{% echo x | %}', 'strict')).toBe('ERR Liquid syntax error (line 1): Expected id but found end_of_string in "{{x | }}"');
  });

  it('ends an output at its first }} even inside quotes', async () => {
    expect(await outcome('{{ "a }}b" }}', 'strict')).toBe('ERR Liquid syntax error (line 1): Unexpected character " in "{{ "a }}"');
  });

  it("takes commas between a loop's attributes, as Liquid after 5.4 does (declared in ruby-oracle/declared.ts)", async () => {
    // liquid-spec liquid_ruby ForTagTest#test_limiting (strict): `array, limit: 4, offset: 2` loops; the gem 5.4 says
    // Expected end_of_string but found comma in "x in list, limit: 1".
    expect(await outcome('{% for x in list, limit: 1 %}{{ x }}{% endfor %}', 'strict')).toBe('1');
  });

  it('accepts what it accepts, and leaves the tags it has no strict grammar for to their lax reading', async () => {
    expect(await outcome('{% for x in list reversed limit: 1 offset: 1 %}{{ x }}{% endfor %}', 'strict')).toBe('2');
    expect(await outcome('{{ list[0] | plus: 1 }}', 'strict')).toBe('2');
    expect(await outcome('{% cycle "a" "b" %}', 'strict')).toBe('a');
  });
});

describe("strict2: liquid-spec's parser_errors", () => {
  // Cases of liquid-spec's parser_errors suite (error_mode: strict2), by name; it matches these substrings.
  it('parses every tag strictly', async () => {
    // cycle-mut-first_cycle_value-eos, table_row-mut-attr_colon-eos, render-mut-alias_name-eos
    expect(await outcome('{% cycle x : %}', 'strict2')).toContain('[:end_of_string] is not a valid expression');
    expect(await outcome('{% tablerow x in x step , %}{% endtablerow %}', 'strict2')).toContain(
      "Invalid attribute 'step' in tablerow loop. Valid attributes are cols, limit, offset, and range",
    );
    expect(await outcome("{% render 'snippet' as %}", 'strict2')).toContain('Expected id but found end_of_string');
    // case-mut-case_expression-bare_bracket, if-mut-condition-comparison-015
    expect(await outcome('{% case [0] %}{% endcase %}', 'strict2')).toContain("Bare bracket access is not allowed. Use self['...'] instead");
    expect(await outcome('{% if contains %}{% endif %}', 'strict2')).toContain('[:comparison, "contains"] is not a valid expression');
    // doc-020, raw-001, case-parity-elsif-in-case
    expect(await outcome('{% doc %}{% doc %}{% enddoc %}{% enddoc %}', 'strict2')).toContain("Syntax Error in 'doc' - Nested doc tags are not allowed");
    expect(await outcome('{% raw foo %}{% endraw %}', 'strict2')).toContain("Syntax Error in 'raw'");
    expect(await outcome('{% case x %}{% elsif %}{% endcase %}', 'strict2')).toContain("Unknown tag 'elsif'");
  });

  it('checks partials too, naming the partial and its line', async () => {
    expect(await outcome("{% render 'card' %}", 'strict2', { 'card.liquid': 'a\n{% cycle x : %}' })).toContain(
      '(card line 2): [:end_of_string] is not a valid expression in "x :"',
    );
  });

  it('does not look inside comments', async () => {
    expect(await outcome('{% comment %}{% if ... %}{% endcomment %}ok', 'strict2')).toBe('ok');
  });
});

describe('lax: as Shopify parses themes', () => {
  // Each expectation is what the liquid gem 5.4 renders with its default (lax) parse, list = [1, 2], x = "X".
  it("reads what the strict grammar refuses as Ruby's lax patterns do", async () => {
    expect(await outcome('{{ false ! }}|{{ "hi there" | split$$$:" " | first }}|{% for i in (1...3) %}{{ i }}{% endfor %}', 'lax')).toBe('false|hi|123');
    expect(await outcome('{% if true && false %}Y{% endif %}|{% if false || true %}Y{% endif %}', 'lax')).toBe('Y|');
    expect(await outcome('{% cycle x : %}|{% cycle x , , "b" %}', 'lax')).toBe('|X');
    expect(await outcome('{% for x in list, limit: 1 %}{{ x }}{% endfor %}|{{ list[0 }}|{{ "unterminated }}|', 'lax')).toBe('1|||');
    expect(await outcome('{% case "b" %}{% when "a" or "b" , "c" %}w{% endcase %}', 'lax')).toBe('w');
    expect(await outcome('{%- liquid\n  assign y = false =\n  echo y\n-%}', 'lax')).toBe('false');
  });

  it('keeps an operator Ruby does not know until the condition is evaluated', async () => {
    // The gem prints "Liquid error (line 1): Unknown operator =" in place; this render raises it instead.
    expect(await outcome('{% if 0 = 0 %}x{% endif %}', 'lax')).toBe('ERR Liquid error (line 1): Unknown operator =');
    // liquid-spec liquid_ruby_lax: "Does not output error when short circuit evaluation avoids using the unknown operator"
    expect(await outcome('{% if nothing and true true %}a{% else %}b{% endif %}', 'lax')).toBe('b');
  });

  it("raises the syntax errors Ruby's lax parse raises, at their line", async () => {
    expect(await outcome('{% assign = 1 %}', 'lax')).toBe("ERR Liquid syntax error (line 1): Syntax Error in 'assign' - Valid syntax: assign [var] = [source]");
    expect(await outcome('a\n{% for x %}{% endfor %}', 'lax')).toBe(
      "ERR Liquid syntax error (line 2): Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]",
    );
  });

  it('takes a tag or a name that JavaScript objects have (constructor, toString) as any other', async () => {
    expect(await outcome('{% constructor %}', 'lax')).toContain("(line 1): Unknown tag 'constructor'");
    expect(await outcome('{{ "a" | append: constructor, }}', 'lax')).toBe('a');
  });

  it('refuses a long broken assign in one pass (no backtracking over its length)', async () => {
    expect(await outcome(`{% assign ${'a'.repeat(40_000)}! %}`, 'lax')).toBe(
      "ERR Liquid syntax error (line 1): Syntax Error in 'assign' - Valid syntax: assign [var] = [source]",
    );
  });

  it('keeps every line number of a rewritten template', async () => {
    expect(await outcome('{{ x |\n\n upcase ! }}\n{{ 1 | divided_by: 0 }}', 'lax')).toBe('ERR Liquid error (line 4): divided by 0');
  });
});
