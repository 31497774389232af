/**
 * Templates to render in both the engine and the reference gem: every standard filter over values of each kind
 * (numbers, big and negative ones, floats, strings with spaces and escapes, nil, blank, arrays, hashes, ranges),
 * every tag, loops with their parameters, partials, whitespace control, and templates the parsers refuse, each in
 * the parse mode it is written for. Generated the same way every time: an id names each for the declared list.
 */
import type { ErrorMode } from './oracle.ts';

export interface CorpusCase {
  id: string;
  template: string;
  environment: Record<string, unknown>;
  partials?: Record<string, string>;
  errorMode: ErrorMode;
}

/** Values a template reads from its environment, by name. */
export const ENVIRONMENT: Record<string, unknown> = {
  zero: 0,
  int: 7,
  negative: -3,
  float: 2.5,
  negative_float: -2.5,
  // Past 2^53, and written in JSON digit for digit (2^60 would be sent as 1152921504606847000).
  big: 10 ** 18,
  empty: '',
  space: ' ',
  text: 'Hello World',
  spaced: '  a b  c ',
  html: '<p class="x">Fish &amp; Chips</p>',
  nbsp: 'a\u00a0b c',
  numeric_text: '10',
  date_text: '2024-03-05 14:07:09',
  nothing: null,
  yes: true,
  no: false,
  list: [3, 1, 2],
  words: ['banana', 'Apple', 'cherry', 'apple'],
  mixed: [1, 'a', null, 2.5],
  nested: [
    [1, 2],
    [3, [4]],
  ],
  empty_list: [],
  hash: { a: 1, b: 'two' },
  same_hash: { a: 1, b: 'two' },
  products: [
    { title: 'Mug', price: 10, tags: ['kitchen'], available: true },
    { title: 'Cup', price: 5, tags: [], available: false },
    { title: 'Bowl', price: 12, tags: ['kitchen', 'sale'], available: true },
  ],
};

/** Inputs the filters are applied to: environment names and literals. */
const INPUTS = [
  'zero',
  'int',
  'negative',
  'float',
  'negative_float',
  'big',
  'empty',
  'text',
  'spaced',
  'html',
  'numeric_text',
  'nothing',
  'yes',
  'list',
  'words',
  'mixed',
  'empty_list',
  'hash',
  '(1..3)',
  '1.0',
  '-0.5',
  '"a\\nb"',
];

/** Standard filters of the gem with the arguments each is tried with (none: no arguments). */
const FILTERS: Record<string, string[]> = {
  abs: [''],
  append: ['"!"', '1.0', 'int'],
  at_least: ['5', '2.5'],
  at_most: ['5', '2.5'],
  capitalize: [''],
  ceil: [''],
  compact: [''],
  concat: ['list'],
  date: ['"%Y-%m-%d %H:%M"', '"%b %e, %Y"'],
  default: ['"fallback"', '"fallback", allow_false: true'],
  divided_by: ['2', '2.0', '0', '-4'],
  downcase: [''],
  escape: [''],
  escape_once: [''],
  first: [''],
  floor: [''],
  join: ['', '", "'],
  last: [''],
  lstrip: [''],
  map: ['"title"'],
  minus: ['1', '1.5', '"2"'],
  modulo: ['3', '0', '-3', '2.5'],
  newline_to_br: [''],
  plus: ['1', '1.5', '"2"', 'big'],
  prepend: ['"~"'],
  remove: ['"l"'],
  remove_first: ['"l"'],
  replace: ['"l", "L"', '"o", "\\\\0"'],
  replace_first: ['"l", "L"'],
  reverse: [''],
  round: ['', '1', '-1'],
  rstrip: [''],
  size: [''],
  slice: ['1', '1, 3', '-2, 2'],
  sort: ['', '"price"'],
  sort_natural: [''],
  split: ['" "', '""', '","'],
  strip: [''],
  strip_html: [''],
  strip_newlines: [''],
  sum: [''],
  times: ['2', '0.5', '"3"'],
  truncate: ['5', '5, "…"', '0'],
  truncatewords: ['1', '1, ""'],
  uniq: [''],
  upcase: [''],
  url_decode: [''],
  url_encode: [''],
  where: ['"available"', '"price", 5'],
  base64_encode: [''],
  base64_decode: [''],
};

/** Templates of tags, loops, partials and whitespace control, written out. */
const TAGS: [string, string][] = [
  ['if-elsif-else', '{% if int > 10 %}big{% elsif int > 5 %}mid{% else %}small{% endif %}'],
  ['if-and-or', '{% if yes and no or yes %}t{% else %}f{% endif %}'],
  ['if-contains-string', '{% if text contains "World" %}y{% endif %}'],
  ['if-contains-array', '{% if words contains "Apple" %}y{% endif %}'],
  ['if-contains-hash', '{% if hash contains "a" %}y{% else %}n{% endif %}'],
  ['if-blank', '{% if empty == blank %}blank{% endif %}{% if empty_list == empty %}empty{% endif %}'],
  ['if-nil-compare', '{% if nothing == nil %}nil{% endif %}{% if nothing > 1 %}x{% endif %}'],
  ['if-ne-diamond', '{% if 1 <> 2 %}ne{% endif %}'],
  ['if-hash-equal', '{% assign h = hash %}{% if h == hash %}same{% endif %}'],
  ['unless', '{% unless no %}u{% endunless %}'],
  ['case', '{% case int %}{% when 1, 7 %}one or seven{% when 7 %}again{% else %}other{% endcase %}'],
  ['case-else-twice', '{% case int %}{% when 1 %}a{% else %}b{% else %}c{% endcase %}'],
  ['if-else-twice', '{% if no %}a{% else %}b{% else %}c{% endif %}'],
  ['for-basic', '{% for x in list %}{{ forloop.index }}:{{ x }}{% unless forloop.last %},{% endunless %}{% endfor %}'],
  ['for-limit-offset', '{% for x in words limit: 2 offset: 1 %}{{ x }} {% endfor %}'],
  ['for-offset-limit-order', '{% for x in words offset: 1 limit: 2 %}{{ x }} {% endfor %}'],
  ['for-reversed-limit', '{% for x in words reversed limit: 2 %}{{ x }} {% endfor %}'],
  ['for-negative', '{% for x in words offset: -1 %}{{ x }} {% endfor %}|{% for x in words limit: -1 %}{{ x }}{% else %}none{% endfor %}'],
  ['for-string-limit', '{% for x in words limit: "2" %}{{ x }} {% endfor %}'],
  ['for-bad-limit', '{% for x in words limit: "2x" %}{{ x }} {% endfor %}'],
  ['for-else-empty-slice', '{% for x in words offset: 10 %}{{ x }}{% else %}empty{% endfor %}'],
  ['for-range', '{% for i in (1..5) %}{{ i }}{% endfor %}{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}'],
  ['for-break-continue', '{% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}'],
  ['for-parentloop', '{% for a in (1..2) %}{% for b in (1..2) %}{{ forloop.parentloop.index }}{{ b }} {% endfor %}{% endfor %}'],
  ['for-hash', '{% for pair in hash %}{{ pair[0] }}={{ pair[1] }};{% endfor %}'],
  ['for-offset-continue', '{% for x in list limit: 1 %}{{ x }}{% endfor %}{% for x in list offset: continue %}{{ x }}{% endfor %}'],
  ['tablerow', '{% tablerow x in list cols: 2 %}{{ x }}{% endtablerow %}'],
  ['capture', '{% capture c %}{{ int }}-{{ text }}{% endcapture %}[{{ c }}]'],
  ['assign-filters', '{% assign s = words | sort | join: "," %}{{ s }}'],
  ['increment-decrement', '{% increment n %}{% increment n %}{% decrement m %}{% decrement m %}{{ n }}'],
  ['cycle', '{% for i in (1..4) %}{% cycle "a", "b", "c" %}{% endfor %}{% cycle "g": 1, 2 %}{% cycle "g": 1, 2 %}'],
  ['raw', '{% raw %}{{ not rendered }}{% endraw %}'],
  ['raw-trimmed', 'a {%- raw -%} {{ x }} {%- endraw -%} b'],
  ['comment', 'a{% comment %}{{ hidden }}{% endcomment %}b'],
  ['comment-nested', 'a{% comment %}x{% comment %}y{% endcomment %}z{% endcomment %}b'],
  ['inline-comment', 'a{% # a note %}b'],
  ['liquid-tag', '{% liquid\nassign x = int | plus: 1\nif x > 7\necho x\nendif\n%}'],
  ['echo', '{% echo text | upcase %}'],
  ['ifchanged', '{% for x in (1..4) %}{% ifchanged %}{{ x | divided_by: 2 }}{% endifchanged %}{% endfor %}'],
  ['whitespace-output', 'a  {{- int -}}  b'],
  ['whitespace-tags', 'a\n  {%- if yes -%}\n  b\n  {%- endif -%}\n  c'],
  ['range-output', '{{ (1..3) }}'],
  ['string-escape', '{{ "a\\nb" }}|{{ \'c\\td\' }}'],
  ['big-int-literal', '{{ 9007199254740993 }}|{{ 9007199254740993 | plus: 1 }}'],
  ['float-literals', '{{ 1.0 }}|{{ 1.50 }}|{{ 0.1 | plus: 0.2 }}|{{ 1000000000000000.0 }}|{{ 10000000000000000.0 }}'],
  ['exponent-literal', '{{ 1e2 }}'],
  ['hash-first', '{{ hash.first }}|{{ hash.size }}|{{ hash | append: "" }}'],
  ['string-first-last', '{{ text.first }}|{{ text.last }}|{{ text.size }}'],
  ['array-access', '{{ list[0] }}{{ list[-1] }}{{ list.first }}{{ list.last }}{{ list.size }}'],
  ['nil-output', '[{{ nothing }}][{{ nothing.x }}][{{ missing }}]'],
  ['split-whitespace-runs', '{{ spaced | split: " " | join: "," }}'],
  ['url-encode-reserved', `{{ "a!b'c(d)e*f~g h" | url_encode }}`],
  ['url-decode-broken', '{{ "a%2" | url_decode }}|{{ "%zz" | url_decode }}'],
  ['truncatewords-nbsp', '{{ nbsp | truncatewords: 1 }}'],
  ['hash-equal', '{% if hash == same_hash %}eq{% else %}ne{% endif %}|{% if hash != same_hash %}ne{% else %}eq{% endif %}'],
  ['hash-append', '{{ hash | append: "!" }}'],
  // Where Ruby's and liquidjs's tags may still part: cycle groups, counters, tablerow's parameters, `liquid` tags
  // with whitespace control, nested captures, ifchanged, unless with elsif, lax targets and garbage.
  ['cycle-groups', "{% for i in (1..4) %}{% cycle 'g1': 'a', 'b' %}{% cycle 'g2': 'x', 'y', 'z' %}{% cycle 'g1': 'a', 'b' %}{% endfor %}"],
  ['cycle-variable-group', "{% assign g = 'k' %}{% cycle g: 1, 2 %}{% cycle 'k': 1, 2 %}{% cycle g: 1, 2 %}"],
  ['increment-after-assign', '{% increment n %}{% increment n %}{% assign n = 10 %}{{ n }}{% increment n %}{% decrement n %}{{ n }}'],
  ['decrement-fresh', '{% decrement m %}{% decrement m %}{% increment m %}'],
  ['tablerow-cols-limit-offset', '{% tablerow p in products cols: 2 limit: 2 offset: 1 %}{{ p.title }}{{ tablerowloop.col }}{% endtablerow %}'],
  ['tablerow-range', '{% tablerow i in (1..5) cols: 3 %}{{ i }}{% if tablerowloop.col_last %}!{% endif %}{% endtablerow %}'],
  ['tablerow-empty', '{% tablerow i in empty_list %}{{ i }}{% endtablerow %}'],
  ['liquid-whitespace', "{%- liquid\n  assign x = 1\n  if x == 1\n    echo 'one'\n  endif\n-%}\n|"],
  ['liquid-for', "{% liquid\nfor i in (1..3)\n  echo i\n  if forloop.last\n    echo '!'\n  endif\nendfor %}"],
  ['liquid-case', "{% liquid\ncase int\nwhen 7\n  echo 'seven'\nelse\n  echo 'other'\nendcase %}"],
  ['whitespace-trim', 'a  {%- if yes -%}  b  {%- endif -%}  c {{- " d " -}} e'],
  ['capture-nested', '{% capture a %}x{% capture b %}y{% endcapture %}{{ b }}{% endcapture %}{{ a }}|{{ b }}'],
  ['for-nested-index', '{% for a in (1..2) %}{% for b in (1..2) %}{{ forloop.parentloop.index }}{{ forloop.index }} {% endfor %}{% endfor %}'],
  ['for-string', '{% for c in text %}[{{ c }}]{% endfor %}'],
  ['ifchanged', '{% for i in words %}{% ifchanged %}{{ i | downcase | slice: 0 }}{% endifchanged %}{% endfor %}'],
  ['unless-elsif', '{% unless yes %}a{% elsif int > 5 %}b{% else %}c{% endunless %}'],
  ['case-or', '{% case int %}{% when 1 or 7 %}hit{% when 7 %}again{% else %}miss{% endcase %}'],
  ['comparison-chain', '{% if 1 < 2 and 2 < 3 or false %}y{% endif %}|{% if nothing == empty %}e{% endif %}{% if nothing == blank %}b{% endif %}'],
  ['range-variable', '{% assign n = 3 %}{% for i in (1..n) reversed %}{{ i }}{% endfor %}|{{ (n..5) | join: "," }}'],
  ['echo-filters', '{% echo text | split: " " | last | upcase %}'],
  ['raw-liquid', '{% raw %}{{ x }}{% if %}{% endraw %}'],
  ['comment-inline', '{% # a comment %}x{%- # another -%} y'],
  ['assign-filter-chain', '{% assign s = words | sort_natural | join: "," | upcase %}{{ s }}'],
  ['assign-dotted-target', '{% assign a.b = 1 %}{{ a }}|{{ a.b }}'],
  ['filter-garbage', '{{ text | upcase ;; | downcase }}'],
  ['for-unknown-attribute', '{% for i in list step: 2 limit: 1 %}{{ i }}{% endfor %}'],
  ['liquidjs-only-filters', '{{ list | push: 4 }}|{{ list | where_exp: "x", "x > 1" }}|{{ text | slugify }}|{{ list | jsonify }}|{{ list | sample }}'],
  ['shopify-json', '{{ list | json }}'],
  ['date-strings', '{{ "2024-03-05" | date: "%d/%m" }}|{{ "March 5, 2024" | date: "%d/%m" }}|{{ "5 Mar 2024 10:00" | date: "%d/%m %H" }}'],
];

/** The same partials for every case that renders one. */
const PARTIALS: Record<string, string> = {
  card: '[{{ title }}{% if product %}:{{ product.title }}{% endif %}]',
  counter: '{{ forloop.index }}/{{ forloop.length }}:{{ item.title }} ',
  shared: '{% assign leaked = "yes" %}{{ int }}',
  incr: '{% increment n %}',
};

const PARTIAL_TAGS: [string, string][] = [
  ['render-with', '{% render "card" with products.first as product %}'],
  ['render-for', '{% render "counter" for products as item %}'],
  ['render-args', '{% render "card", title: "T" %}'],
  ['render-isolated', '{% render "shared" %}[{{ leaked }}]'],
  ['include-shared', '{% include "shared" %}[{{ leaked }}]'],
  ['render-missing', '{% render "nowhere" %}'],
  ['include-variable-name', '{% assign name = "card" %}{% include name, title: "I" %}'],
  ['increment-across-partials', "{% increment n %}{% render 'incr' %}{% include 'incr' %}{% increment n %}"],
  ['include-for', "{% include 'counter' for products as item %}"],
  ['include-with', "{% include 'card' with products.first as product %}"],
  ['render-for-empty', "{% render 'counter' for empty_list as item %}|"],
];

/** Templates Ruby's strict parser accepts or refuses, rendered in strict mode. */
const STRICT_TAGS: [string, string][] = [
  ['filter-colon-pipe', '{{ text | upcase: | downcase }}'],
  ['if-contains-and', '{% if text contains "World" and yes %}y{% endif %}'],
  ['for-reversed-limit', '{% for i in list reversed limit: 2 %}{{ i }}{% endfor %}'],
  ['cycle-twice', "{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}"],
  ['echo-trailing-pipe', '{% echo text | %}'],
  ['assign-dotted-target', '{% assign a.b = 1 %}{{ a }}'],
];

/** Templates a parser refuses or recovers from, in each mode. */
const BROKEN: string[] = [
  '{% if 0 = 0 %}x{% endif %}',
  '{{ 1 | }}',
  '{% for x in list, limit: 1 %}{{ x }}{% endfor %}',
  '{% if %}x{% endif %}',
  '{% unknown_tag %}',
  '{% if yes %}unclosed',
  '{{ list[0 }}',
  '{% assign = 1 %}',
  '{{ "unterminated }}',
  '{% for x in %}{% endfor %}',
];

export function corpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const add = (id: string, template: string, errorMode: ErrorMode = 'lax', partials?: Record<string, string>) =>
    cases.push({ id, template, environment: ENVIRONMENT, errorMode, ...(partials ? { partials } : {}) });
  for (const input of INPUTS) add(`output/${input}`, `{{ ${input} }}`);
  for (const [filter, argumentSets] of Object.entries(FILTERS)) {
    for (const args of argumentSets) {
      for (const input of INPUTS) add(`filter/${filter}${args ? `:${args}` : ''}/${input}`, `{{ ${input} | ${filter}${args ? `: ${args}` : ''} }}`);
    }
  }
  for (const [id, template] of TAGS) add(`tag/${id}`, template);
  for (const [id, template] of PARTIAL_TAGS) add(`partial/${id}`, template, 'lax', PARTIALS);
  for (const [id, template] of STRICT_TAGS) add(`strict/${id}`, template, 'strict');
  for (const mode of ['lax', 'strict'] as const) BROKEN.forEach((template, index) => add(`broken/${mode}/${index}`, template, mode));
  return cases;
}
