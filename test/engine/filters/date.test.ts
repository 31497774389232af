import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createLiquid } from '@encore/liquid/liquid.ts';
import { defaultRenderState, globalsWithState, type RenderState } from '@encore/liquid/state.ts';
import { strftime, toZonedTime } from '@encore/liquid/filters/date.ts';

const liquid = createLiquid();

function stateFor(overrides: { timezone?: string; now?: Date; locale?: RenderState['locale'] } = {}): RenderState {
  const base = defaultRenderState();
  return defaultRenderState({
    now: overrides.now ?? new Date('2024-01-01T00:01:58Z'),
    shop: { ...base.shop, timezone: overrides.timezone ?? base.shop.timezone },
    locale: overrides.locale ?? base.locale,
  });
}

function render(template: string, vars: Record<string, unknown> = {}, state: RenderState = stateFor()): string {
  return liquid.parseAndRenderSync(template, vars, { globals: globalsWithState({}, state) });
}

const created = '2022-04-14 16:56:02 -0400';
const ny = stateFor({ timezone: 'America/New_York' });

describe('date (shopify.dev examples)', () => {
  it('strftime format', () => {
    expect(render("{{ created_at | date: '%B %d, %Y' }}", { created_at: created })).toBe('April 14, 2022');
    expect(render("{{ created_at | date: '%a, %b %d, %y' }}", { created_at: created })).toBe('Thu, Apr 14, 22');
  });

  it("'now' and 'today' use the render clock", () => {
    expect(render("{{ 'now' | date: '%B %d, %Y' }}")).toBe('January 01, 2024');
    expect(render("{{ 'today' | date: '%Y-%m-%d %H:%M:%S' }}")).toBe('2024-01-01 00:01:58');
  });

  it('named formats', () => {
    const v = { created_at: created };
    expect(render("{{ created_at | date: format: 'abbreviated_date' }}", v, ny)).toBe('Apr 14, 2022');
    expect(render("{{ created_at | date: format: 'basic' }}", v, ny)).toBe('4/14/2022');
    expect(render("{{ created_at | date: format: 'date' }}", v, ny)).toBe('April 14, 2022');
    expect(render("{{ created_at | date: format: 'date_at_time' }}", v, ny)).toBe('April 14, 2022 at 4:56 pm');
    expect(render("{{ created_at | date: format: 'default' }}", v, ny)).toBe('Thursday, April 14, 2022 at 4:56 pm -0400');
    expect(render("{{ created_at | date: format: 'on_date' }}", v, ny)).toBe('on Apr 14, 2022');
  });

  it('custom formats from the locale date_formats', () => {
    const state = stateFor({
      locale: { code: 'en', translations: { date_formats: { month_day_year: '%B %d, %Y' } }, defaultTranslations: {} },
    });
    expect(render("{{ created_at | date: format: 'month_day_year' }}", { created_at: created }, state)).toBe('April 14, 2022');
  });

  it('an unknown named format renders the missing-translation text and is recorded', () => {
    const state = stateFor();
    expect(render("{{ '2022-04-14' | date: format: 'no_such_format' }}", {}, state)).toBe('translation missing: en.date_formats.no_such_format');
    expect(state.missingTranslations).toEqual(['en.date_formats.no_such_format']);
  });

  it('named formats use the locale month names outside English', () => {
    const fr = stateFor({
      timezone: 'Europe/Paris',
      locale: { code: 'fr', translations: { date_formats: { jour: '%d %B %Y' } }, defaultTranslations: {} },
    });
    expect(render("{{ '2022-04-14 10:00' | date: format: 'jour' }}", {}, fr)).toBe('14 avril 2022');
    expect(render("{{ '2022-04-14 10:00' | date: format: 'date' }}", {}, fr)).toBe('14 avril 2022');
    // A strftime argument stays English, like Ruby's Time#strftime.
    expect(render("{{ '2022-04-14 10:00' | date: '%B' }}", {}, fr)).toBe('April');
  });
});

describe('date time zones', () => {
  it('Date objects, timestamps and now print in the shop time zone', () => {
    const instant = new Date('2022-04-14T20:56:02Z');
    expect(render("{{ d | date: '%Y-%m-%d %H:%M %Z %z' }}", { d: instant }, ny)).toBe('2022-04-14 16:56 EDT -0400');
    expect(render("{{ d | date: '%H:%M %z' }}", { d: instant }, stateFor({ timezone: 'Asia/Kolkata' }))).toBe('02:26 +0530');
    expect(render("{{ 1649969762 | date: '%H:%M:%S' }}", {}, ny)).toBe('16:56:02');
    expect(render("{{ 'now' | date: '%Y-%m-%d %H:%M %Z' }}", {}, ny)).toBe('2023-12-31 19:01 EST');
  });

  it('strings without an offset are shop-local wall time; with one they keep it', () => {
    expect(render("{{ '2022-07-01 09:30' | date: '%H:%M %z %s' }}", {}, ny)).toBe('09:30 -0400 1656682200');
    expect(render("{{ '2022-01-01T09:30:00+09:00' | date: '%H:%M %:z' }}", {}, ny)).toBe('09:30 +09:00');
    expect(render("{{ '2022-01-01T09:30:00Z' | date: '%H:%M %Z' }}", {}, ny)).toBe('09:30 UTC');
  });

  it('prints the hour after a DST change right', () => {
    // US spring forward 2022-03-13 02:00 -> 03:00
    expect(render("{{ d | date: '%H:%M %Z' }}", { d: new Date('2022-03-13T06:59:00Z') }, ny)).toBe('01:59 EST');
    expect(render("{{ d | date: '%H:%M %Z' }}", { d: new Date('2022-03-13T07:00:00Z') }, ny)).toBe('03:00 EDT');
  });
});

describe('strftime directives and flags', () => {
  const t = toZonedTime('2020-06-05 14:03:07.123456 -0400', stateFor())!;
  const cases: Array<[string, string]> = [
    ['%a %A %b %B %h', 'Fri Friday Jun June Jun'],
    ['%d %e %j %m %y %Y %C', '05  5 157 06 20 2020 20'],
    ['%H %I %k %l %M %S %L %N %3N %p %P', '14 02 14  2 03 07 123 123456000 123 PM pm'],
    ['%u %w %U %W %V %G', '5 5 22 22 23 2020'],
    ['%z %:z %::z', '-0400 -04:00 -04:00:00'],
    ['%-d %-m %_m %010Y %^a %^B %#p %10A|', '5 6  6 0000002020 FRI JUNE pm     Friday|'],
    ['%D %F %T %R %r', '06/05/20 2020-06-05 14:03:07 14:03 02:03:07 PM'],
    ['%c', 'Fri Jun  5 14:03:07 2020'],
    ['%% %Q %n%t', '% %Q \n\t'],
  ];
  for (const [format, expected] of cases) {
    it(format, () => expect(strftime(t, format)).toBe(expected));
  }
});

describe('date edge cases', () => {
  it('nil and blank render nothing; non-dates are returned; no format returns the input', () => {
    expect(render("[{{ nothing | date: '%Y' }}]")).toBe('[]');
    expect(render("[{{ '' | date: '%Y' }}]")).toBe('[]');
    expect(render("{{ 'not a date' | date: '%Y' }}")).toBe('not a date');
    expect(render("{{ '2020-06-15 14:30:45' | date: '' }}")).toBe('2020-06-15 14:30:45');
    expect(render('{{ d | date }}', { d: new Date('2022-04-14T20:56:02Z') }, ny)).toBe('2022-04-14 16:56:02 -0400');
  });

  it('pads %Y to four digits like Ruby', () => {
    expect(render("{{ '0987-03-04' | date: '%Y|%-Y' }}")).toBe('0987|987');
  });

  it('rejects impossible calendar dates', () => {
    expect(render("{{ '2022-02-30' | date: '%Y' }}")).toBe('2022-02-30');
  });
});

describe('time_tag (shopify.dev examples)', () => {
  const v = { created_at: created };
  it('strftime format and UTC datetime attribute', () => {
    expect(render("{{ created_at | time_tag: '%B %d, %Y' }}", v, ny)).toBe('<time datetime="2022-04-14T20:56:02Z">April 14, 2022</time>');
  });
  it('named format, default format and datetime override', () => {
    expect(render("{{ created_at | time_tag: format: 'abbreviated_date' }}", v, ny)).toBe('<time datetime="2022-04-14T20:56:02Z">Apr 14, 2022</time>');
    expect(render('{{ created_at | time_tag }}', v, ny)).toBe('<time datetime="2022-04-14T20:56:02Z">April 14, 2022</time>');
    expect(render("{{ created_at | time_tag: '%B %d, %Y', datetime: '%Y-%m-%d' }}", v, ny)).toBe('<time datetime="2022-04-14">April 14, 2022</time>');
  });
  it('escapes what it prints', () => {
    expect(render("{{ created_at | time_tag: '<b>%Y</b>', datetime: '\"%Y' }}", v, ny)).toBe('<time datetime="&quot;2022">&lt;b&gt;2022&lt;/b&gt;</time>');
    expect(render("{{ '<x>' | time_tag }}")).toBe('&lt;x&gt;');
    expect(render('[{{ nothing | time_tag }}]')).toBe('[]');
  });
});

/** The liquid-spec date cases, read where they live (frozen clock 2024-01-01 00:01:58 UTC). */
describe('liquid-spec date cases', () => {
  const files = ['/work/shared/liquid-spec/specs/basics/date-filters.yml', '/work/shared/liquid-spec/specs/liquid_ruby/standard_filters.yml'].filter((f) =>
    existsSync(f),
  );
  interface Spec {
    name: string;
    template: string;
    environment?: Record<string, unknown>;
    expected?: string;
    expected_pattern?: string;
  }
  const specs: Spec[] = files.flatMap((file) => {
    const doc = parse(readFileSync(file, 'utf8'), { uniqueKeys: false, logLevel: 'silent' }) as { specs: Spec[] };
    return doc.specs.filter((s) => /\|\s*date\b/.test(s.template));
  });
  it.runIf(files.length > 0)('found the cases', () => expect(specs.length).toBeGreaterThan(90));
  for (const spec of specs) {
    it(spec.name, () => {
      const out = render(spec.template, spec.environment ?? {});
      if (spec.expected_pattern !== undefined) expect(out).toMatch(new RegExp(spec.expected_pattern));
      else expect(out).toBe(spec.expected ?? '');
    });
  }
});

describe('remembered date results', () => {
  it("follows the clock for 'now' and keeps fixed dates across pages with different clocks", async () => {
    const { createLiquid } = await import('@encore/liquid/liquid.ts');
    const { globalsWithState, defaultRenderState } = await import('@encore/liquid/state.ts');
    const engine = createLiquid();
    const at = (iso: string) => ({ globals: globalsWithState({}, defaultRenderState({ now: new Date(iso) })) });
    const template = "{{ 'now' | date: '%Y-%m-%d' }} {{ '2022-04-14T20:56:02Z' | date: '%Y-%m-%d' }}";
    expect(await engine.parseAndRender(template, {}, at('2024-01-01T12:00:00Z'))).toBe('2024-01-01 2022-04-14');
    expect(await engine.parseAndRender(template, {}, at('2025-06-30T12:00:00Z'))).toBe('2025-06-30 2022-04-14');
  });

  it('tells a positional array argument from a keyword argument', async () => {
    const { createLiquid } = await import('@encore/liquid/liquid.ts');
    const engine = createLiquid();
    const render = (a: unknown) => engine.parseAndRender("{{ '2022-01-01T12:00:00Z' | date: a }}", { a });
    // A three-item array is positional (strftime of its text, "%Yxz"); two items read as `%Y: 'x'`, no format.
    expect(await render(['%Y', 'x', 'z'])).toBe('2022xz');
    expect(await render(['%Y', 'x'])).toBe('2022-01-01T12:00:00Z');
  });
});

// The liquid gem 5.4 prints 2.5|-0.5|1.0|1970: Utils.to_date reads Integers and text, and a Float is neither.
describe('date of a Float', () => {
  it('answers the Float unchanged; an Integer is seconds since the epoch', () => {
    expect(render('{{ 2.5 | date: "%Y" }}|{{ f | date: "%Y-%m-%d" }}|{{ 1.0 | date: "%Y" }}|{{ 0 | date: "%Y" }}', { f: -0.5 })).toBe('2.5|-0.5|1.0|1970');
  });
});

describe('date past the dates JavaScript has', () => {
  // The liquid gem 5.4 (UTC) prints `31688740476-10-23 01:46:40 Fri 297 Oct 23|-3168871881-04-27 14:13 Thu 117|31688740476`.
  it('prints any year, as Ruby’s Time does', () => {
    const utc = stateFor({ timezone: 'UTC' });
    expect(
      render(
        '{{ b | date: "%Y-%m-%d %H:%M:%S %a %j %b %e" }}|{{ -100000000000000000 | date: "%Y-%m-%d %H:%M %a %j" }}|{{ "1000000000000000000" | date: "%Y" }}',
        { b: 10 ** 18 },
        utc,
      ),
    ).toBe('31688740476-10-23 01:46:40 Fri 297 Oct 23|-3168871881-04-27 14:13 Thu 117|31688740476');
  });
});
