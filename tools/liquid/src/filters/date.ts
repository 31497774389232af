import type { Liquid } from 'liquidjs';
import { branch, remember } from './bounded-cache.ts';
import { toValue } from 'liquidjs';
import { renderState, type RenderState } from '../state.ts';
import { toText } from './strings.ts';
import { escapeHtml, hasNamed, isKeywordArg, namedValue, splitArgs, type FilterThis } from './html.ts';
import { lookupTranslation, recordMissingTranslation, missingTranslationText } from './translate.ts';
import { RubyFloat } from '../ruby/float.ts';

/*
 * Shopify's `date` and `time_tag`, with Ruby's `Time#strftime` semantics.
 *
 * A time is an instant plus the UTC offset it is shown in. Like Ruby's
 * `Time.parse`, a string that names its offset ("2022-04-14 16:56:02 -0400") keeps
 * it; a string without one is read as wall-clock time in the shop's time zone;
 * Date objects, unix timestamps and 'now' are shown in the shop's time zone.
 *
 * Everything that is costly is cached: compiled format strings, Intl formatters,
 * zone offsets (per 15 minutes of time, the granularity of zone transitions) and
 * parsed input strings, so a `date` call costs a few microseconds.
 */

export interface ZonedTime {
  /** Milliseconds since the epoch. */
  ms: number;
  /** Nanoseconds within the second (for %N), when known beyond milliseconds. */
  nanos?: number;
  /** Offset from UTC in minutes, east positive (New York in summer: -240). */
  offset: number;
  /** IANA zone the offset came from, used for %Z. */
  zone?: string;
  /** Zone abbreviation given by the input ("UTC"); empty for bare numeric offsets. */
  abbr?: string;
  /** The whole seconds since the epoch, exactly, for a time past the dates JavaScript has (±275,760 years). */
  epochSeconds?: bigint;
}

/* ------------------------------------------------------------------------ */
/* Time zones                                                               */
/* ------------------------------------------------------------------------ */

const BUCKET_MS = 15 * 60 * 1000;
const MAX_CACHE = 5000;
const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();
const offsetCache = new Map<string, number>();
const abbrCache = new Map<string, string>();

function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = zoneFormatters.get(zone);
  if (f === undefined) {
    try {
      // "4/14/2022, GMT-04:00": formatting this is several times cheaper than formatToParts.
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      f = null; // unknown zone: shown as UTC
    }
    zoneFormatters.set(zone, f);
  }
  return f;
}

/** The last instant a JavaScript Date holds, either side of the epoch. */
const MAX_DATE_MS = 8.64e15;

const GMT_OFFSET = /GMT([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/;

/** UTC offset of `zone` at instant `ms`, in minutes. Unknown zones count as UTC. */
export function zoneOffset(zone: string, ms: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT') return 0;
  // Past the dates JavaScript has, the zone's rule at the last one it has.
  if (!(Math.abs(ms) <= MAX_DATE_MS)) return Number.isFinite(ms) ? zoneOffset(zone, Math.sign(ms) * MAX_DATE_MS) : 0;
  const key = `${zone}|${Math.floor(ms / BUCKET_MS)}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const f = zoneFormatter(zone);
  const m = f ? GMT_OFFSET.exec(f.format(ms)) : null;
  let offset = 0;
  if (m) {
    // Local mean times before 1900 have second offsets ("GMT-04:56:02"); minutes are enough here.
    offset = Number(m[2]) * 60 + Number(m[3] ?? 0) + Math.round(Number(m[4] ?? 0) / 60);
    if (m[1] === '-') offset = -offset;
  }
  return remember(offsetCache, key, offset, MAX_CACHE);
}

const abbrFormatters = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's abbreviation at `ms` as Intl knows it: "EDT", "UTC", or "GMT+2" where it has none. */
function zoneAbbreviation(zone: string, ms: number): string {
  const key = `${zone}|${Math.floor(ms / BUCKET_MS)}`;
  const hit = abbrCache.get(key);
  if (hit !== undefined) return hit;
  let f = abbrFormatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    } catch {
      f = null;
    }
    abbrFormatters.set(zone, f);
  }
  // "4/14/2022, EDT"
  const text = f ? f.format(ms) : 'UTC';
  const abbr = text.slice(text.lastIndexOf(' ') + 1) || 'UTC';
  return remember(abbrCache, key, abbr, MAX_CACHE);
}

/** The instant `ms` shown in `zone`. */
export function inZone(ms: number, zone: string, nanos?: number): ZonedTime {
  return { ms, nanos, offset: zoneOffset(zone, ms), zone };
}

/** The instant whose wall-clock time in `zone` is `wallMs` (a UTC-based wall reading). */
function fromWallTime(wallMs: number, zone: string): number {
  let ms = wallMs - zoneOffset(zone, wallMs) * 60000;
  // One correction step settles times next to a transition.
  ms = wallMs - zoneOffset(zone, ms) * 60000;
  return ms;
}

/* ------------------------------------------------------------------------ */
/* Parsing inputs                                                           */
/* ------------------------------------------------------------------------ */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_INDEX: Record<string, number> = {};
MONTHS.forEach((m, i) => {
  MONTH_INDEX[m.toLowerCase()] = i;
  MONTH_INDEX[m.slice(0, 3).toLowerCase()] = i;
});
MONTH_INDEX.sept = 8;

/** Zone names Ruby's Time.parse understands, with their offsets in minutes. */
const NAMED_ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  UT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

interface ZoneSpec {
  offset: number;
  abbr: string;
}

function parseZone(text: string | undefined): ZoneSpec | undefined | null {
  if (!text) return undefined;
  const upper = text.toUpperCase();
  if (upper in NAMED_ZONES) return { offset: NAMED_ZONES[upper], abbr: upper === 'Z' || upper === 'GMT' || upper === 'UT' ? 'UTC' : upper };
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return { offset: m[1] === '-' ? -minutes : minutes, abbr: '' };
}

const ZONE_RE = String.raw`(Z|UTC|GMT|UT|[ECMP][SD]T|[+-]\d{2}(?::?\d{2})?)`;
// 2022-04-14, 2022/04/14, 2022-04-14 16:56:02, 2022-04-14T16:56:02.123-04:00, 2022-04-14 16:56:02 -0400
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*` + ZONE_RE + '?$', 'i');
// Fri Jul 16 01:00:00 2004, Jul 16 01:00:00 UTC 2004
const ASCTIME_RE = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:` + ZONE_RE + String.raw`\s+)?(\d{4})$`,
  'i',
);
// Fri, 16 Jul 2004 01:00:00 +0000, 16 July 2004, 16 Jul 2004 01:00
const DMY_RE = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*` + ZONE_RE + '?$',
  'i',
);
// July 16, 2004, Jul 16 2004 01:00:00 PM
const MDY_RE = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?\s*` + ZONE_RE + '?$',
  'i',
);

interface WallParts {
  year: number;
  month: number; // 0-based
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction?: string;
  zone?: string;
}

function buildTime(p: WallParts, shopZone: string): ZonedTime | undefined {
  if (p.month < 0 || p.month > 11 || p.day < 1 || p.day > 31 || p.hour > 24 || p.minute > 59 || p.second > 60) return undefined;
  const wall = Date.UTC(p.year, p.month, p.day, p.hour, p.minute, p.second);
  const d = new Date(wall);
  if (d.getUTCDate() !== p.day) return undefined; // 2022-02-30
  if (p.year < 100) d.setUTCFullYear(p.year); // Date.UTC maps 0..99 to 1900s
  const wallMs = d.getTime();
  let nanos: number | undefined;
  let extraMs = 0;
  if (p.fraction) {
    const digits = p.fraction.slice(0, 9).padEnd(9, '0');
    nanos = Number(digits);
    extraMs = Math.floor(nanos / 1e6);
  }
  const zone = parseZone(p.zone);
  if (zone === null) return undefined;
  if (zone) {
    return { ms: wallMs + extraMs - zone.offset * 60000, nanos, offset: zone.offset, abbr: zone.abbr };
  }
  const ms = fromWallTime(wallMs, shopZone) + extraMs;
  return { ms, nanos, offset: zoneOffset(shopZone, ms), zone: shopZone };
}

function parseDateString(text: string, shopZone: string): ZonedTime | undefined {
  let m = ISO_RE.exec(text);
  if (m) {
    return buildTime(
      {
        year: Number(m[1]),
        month: Number(m[2]) - 1,
        day: Number(m[3]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
        fraction: m[7],
        zone: m[8],
      },
      shopZone,
    );
  }
  m = ASCTIME_RE.exec(text);
  if (m && m[1].toLowerCase() in MONTH_INDEX) {
    return buildTime(
      {
        year: Number(m[7]),
        month: MONTH_INDEX[m[1].toLowerCase()],
        day: Number(m[2]),
        hour: Number(m[3]),
        minute: Number(m[4]),
        second: Number(m[5] ?? 0),
        zone: m[6],
      },
      shopZone,
    );
  }
  m = DMY_RE.exec(text);
  if (m && m[2].toLowerCase() in MONTH_INDEX) {
    return buildTime(
      {
        year: Number(m[3]),
        month: MONTH_INDEX[m[2].toLowerCase()],
        day: Number(m[1]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
        zone: m[7],
      },
      shopZone,
    );
  }
  m = MDY_RE.exec(text);
  if (m && m[1].toLowerCase() in MONTH_INDEX) {
    let hour = Number(m[4] ?? 0);
    const ampm = m[7]?.toLowerCase();
    if (ampm === 'pm' && hour < 12) hour += 12;
    if (ampm === 'am' && hour === 12) hour = 0;
    return buildTime(
      {
        year: Number(m[3]),
        month: MONTH_INDEX[m[1].toLowerCase()],
        day: Number(m[2]),
        hour,
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
        zone: m[8],
      },
      shopZone,
    );
  }
  return undefined;
}

const parseCache = new Map<string, ZonedTime | null>();

/**
 * The time a `date`/`time_tag` input stands for, or undefined when it is not a
 * date (nil, blank, or text no date can be read from).
 */
export function toZonedTime(input: unknown, state: RenderState): ZonedTime | undefined {
  const value = toValue(input);
  const zone = state.shop.timezone || 'UTC';
  if (value === null || value === undefined || value === false || value === true) return undefined;
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? undefined : inZone(ms, zone);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return beyondDates(inZone(Math.round(value * 1000), zone), Number.isInteger(value) ? BigInt(value) : undefined);
  }
  if (typeof value === 'bigint') return beyondDates(inZone(Number(value) * 1000, zone), value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  const lower = text.toLowerCase();
  if (lower === 'now' || lower === 'today') return inZone(state.now.getTime(), zone);
  if (/^\d+$/.test(text)) return beyondDates(inZone(Number(text) * 1000, zone), BigInt(text));
  const key = `${zone}|${text}`;
  const hit = parseCache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  return remember(parseCache, key, parseDateString(text, zone) ?? null, MAX_CACHE) ?? undefined;
}

/* ------------------------------------------------------------------------ */
/* strftime                                                                 */
/* ------------------------------------------------------------------------ */

/** Month and weekday names a format prints; English unless a locale is given. */
export interface DateNames {
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
  am: string;
  pm: string;
}

export const ENGLISH_NAMES: DateNames = {
  months: MONTHS,
  monthsShort: MONTHS.map((m) => m.slice(0, 3)),
  days: DAYS,
  daysShort: DAYS.map((d) => d.slice(0, 3)),
  am: 'AM',
  pm: 'PM',
};

interface Fields {
  t: ZonedTime;
  year: number;
  month: number; // 0-based
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  wday: number;
  yday: number; // 1-based
}

/** A time of epoch seconds past JavaScript's dates keeps them exactly, for strftime's arithmetic. */
function beyondDates(t: ZonedTime, seconds: bigint | undefined): ZonedTime {
  return Math.abs(t.ms) > MAX_DATE_MS ? { ...t, epochSeconds: seconds ?? BigInt(Math.round(t.ms / 1000)) } : t;
}

/**
 * The calendar fields of a time past JavaScript's dates, as Ruby's Time has them (the proleptic Gregorian
 * calendar, any year): the gem 5.4 prints 10^18 seconds as `31688740476-10-23 01:46:40 Fri 297`.
 */
function farFields(t: ZonedTime, seconds: bigint): Fields {
  const local = seconds + BigInt(t.offset * 60);
  let days = local / 86400n;
  if (local % 86400n < 0n) days -= 1n;
  const second = Number(local - days * 86400n);
  const civil = civilFromDays(Number(days));
  return {
    t,
    ...civil,
    hour: Math.floor(second / 3600),
    minute: Math.floor((second % 3600) / 60),
    second: second % 60,
    ms: 0,
    wday: (((Number(days % 7n) + 4) % 7) + 7) % 7,
    yday: Number(days) - daysFromCivil(civil.year, 1, 1) + 1,
  };
}

/** Days since 1970-01-01 → year, month (0-based) and day, for any day (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10;
  return { year: yoe + era * 400 + (month <= 1 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** The day number of a calendar date (month 1-based), the inverse of civilFromDays. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fieldsOf(t: ZonedTime): Fields {
  if (t.epochSeconds !== undefined) return farFields(t, t.epochSeconds);
  const d = new Date(t.ms + t.offset * 60000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const start = new Date(0);
  start.setUTCFullYear(year, 0, 1);
  const dayStart = new Date(0);
  dayStart.setUTCFullYear(year, month, day);
  return {
    t,
    year,
    month,
    day,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    wday: d.getUTCDay(),
    yday: Math.round((dayStart.getTime() - start.getTime()) / 86400000) + 1,
  };
}

/** ISO 8601 week-based year and week number. */
function isoWeek(f: Fields): { year: number; week: number } {
  const isoDay = f.wday === 0 ? 7 : f.wday;
  // The Thursday of this ISO week decides its year.
  const thursday = new Date(0);
  thursday.setUTCFullYear(f.year, f.month, f.day + 4 - isoDay);
  const year = thursday.getUTCFullYear();
  const jan1 = new Date(0);
  jan1.setUTCFullYear(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1.getTime()) / 86400000 / 7) + 1;
  return { year, week };
}

function formatOffset(offset: number, colons: number): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  if (colons === 0) return `${sign}${hh}${mm}`;
  if (colons === 1) return `${sign}${hh}:${mm}`;
  return `${sign}${hh}:${mm}:00`;
}

type Token = string | Directive;

interface Directive {
  conv: string;
  flags: string;
  width: number | undefined;
  colons: number;
  raw: string;
}

const COMPOSITES: Record<string, string> = {
  c: '%a %b %e %H:%M:%S %Y',
  D: '%m/%d/%y',
  x: '%m/%d/%y',
  F: '%Y-%m-%d',
  T: '%H:%M:%S',
  X: '%H:%M:%S',
  R: '%H:%M',
  r: '%I:%M:%S %p',
  v: '%e-%^b-%4Y',
  '+': '%a %b %e %H:%M:%S %Z %Y',
};

/** Numeric conversions: default width and pad character. */
const NUMERIC: Record<string, [number, string]> = {
  Y: [4, '0'],
  C: [2, '0'],
  y: [2, '0'],
  m: [2, '0'],
  d: [2, '0'],
  e: [2, ' '],
  j: [3, '0'],
  H: [2, '0'],
  k: [2, ' '],
  I: [2, '0'],
  l: [2, ' '],
  M: [2, '0'],
  S: [2, '0'],
  L: [3, '0'],
  u: [1, '0'],
  w: [1, '0'],
  U: [2, '0'],
  W: [2, '0'],
  G: [4, '0'],
  g: [2, '0'],
  V: [2, '0'],
  s: [1, '0'],
};
const TEXT = new Set(['a', 'A', 'b', 'B', 'h', 'p', 'P', 'Z']);
const KNOWN = new Set([...Object.keys(COMPOSITES), ...Object.keys(NUMERIC), ...TEXT, 'N', 'z', 'n', 't', '%']);

const compiled = new Map<string, Token[]>();

/** Splits a strftime format into literal text and directives, once per distinct format. */
function compile(format: string): Token[] {
  const hit = compiled.get(format);
  if (hit) return hit;
  const tokens: Token[] = [];
  const re = /%([-_0^#]*)(\d*)(:{0,3})([a-zA-Z%+])?/g;
  let last = 0;
  let literal = '';
  for (let m = re.exec(format); m; m = re.exec(format)) {
    literal += format.slice(last, m.index);
    last = re.lastIndex;
    const [raw, flags, width, colons, conv] = m;
    const valid = conv !== undefined && KNOWN.has(conv) && (colons === '' || conv === 'z');
    if (!valid) {
      literal += raw; // Ruby prints unknown conversions as they are
      continue;
    }
    if (literal) tokens.push(literal);
    literal = '';
    tokens.push({ conv, flags, width: width ? Number(width) : undefined, colons: colons.length, raw });
  }
  literal += format.slice(last);
  if (literal) tokens.push(literal);
  return remember(compiled, format, tokens, MAX_CACHE);
}

function pad(text: string, width: number, char: string): string {
  if (text.length >= width) return text;
  if (text.startsWith('-') && char === '0') return '-' + text.slice(1).padStart(width - 1, '0');
  return text.padStart(width, char);
}

function applyCase(text: string, flags: string, conv: string): string {
  if (flags.includes('^')) return text.toUpperCase();
  if (flags.includes('#')) return conv === 'p' ? text.toLowerCase() : text.toUpperCase();
  return text;
}

function numeric(value: number, d: Directive): string {
  const [defWidth, defPad] = NUMERIC[d.conv];
  if (d.flags.includes('-')) return String(value);
  const char = d.flags.includes('_') ? ' ' : d.flags.includes('0') ? '0' : defPad;
  return pad(String(value), d.width ?? defWidth, char);
}

function text(value: string, d: Directive): string {
  const out = applyCase(value, d.flags, d.conv);
  if (d.width === undefined || d.flags.includes('-')) return out;
  return pad(out, d.width, d.flags.includes('0') ? '0' : ' ');
}

function directive(f: Fields, d: Directive, names: DateNames): string {
  switch (d.conv) {
    case 'Y':
      return numeric(f.year, d);
    case 'C':
      return numeric(Math.floor(f.year / 100), d);
    case 'y':
      return numeric(((f.year % 100) + 100) % 100, d);
    case 'm':
      return numeric(f.month + 1, d);
    case 'd':
    case 'e':
      return numeric(f.day, d);
    case 'j':
      return numeric(f.yday, d);
    case 'H':
    case 'k':
      return numeric(f.hour, d);
    case 'I':
    case 'l':
      return numeric(f.hour % 12 || 12, d);
    case 'M':
      return numeric(f.minute, d);
    case 'S':
      return numeric(f.second, d);
    case 'L':
      return numeric(f.ms, d);
    case 'N': {
      const nanos = f.t.nanos ?? f.ms * 1e6;
      const digits = String(nanos).padStart(9, '0');
      const width = d.width ?? 9;
      return width <= 9 ? digits.slice(0, width) : digits.padEnd(width, '0');
    }
    case 'u':
      return numeric(f.wday === 0 ? 7 : f.wday, d);
    case 'w':
      return numeric(f.wday, d);
    case 'U':
      return numeric(Math.floor((f.yday - 1 + 7 - f.wday) / 7), d);
    case 'W':
      return numeric(Math.floor((f.yday - 1 + 7 - ((f.wday + 6) % 7)) / 7), d);
    case 'G':
      return numeric(isoWeek(f).year, d);
    case 'g':
      return numeric(isoWeek(f).year % 100, d);
    case 'V':
      return numeric(isoWeek(f).week, d);
    case 's':
      return numeric(Math.floor(f.t.ms / 1000), d);
    case 'a':
      return text(names.daysShort[f.wday], d);
    case 'A':
      return text(names.days[f.wday], d);
    case 'b':
    case 'h':
      return text(names.monthsShort[f.month], d);
    case 'B':
      return text(names.months[f.month], d);
    case 'p':
      return text(f.hour < 12 ? names.am : names.pm, d);
    case 'P':
      return text((f.hour < 12 ? names.am : names.pm).toLowerCase(), d);
    case 'Z': {
      const abbr = f.t.zone ? zoneAbbreviation(f.t.zone, f.t.ms) : (f.t.abbr ?? '');
      return text(abbr, d);
    }
    case 'z':
      return formatOffset(f.t.offset, d.colons);
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '%':
      return '%';
    default: {
      const inner = render(f, compile(COMPOSITES[d.conv]), names);
      return text(inner, { ...d, conv: 'composite' });
    }
  }
}

function render(f: Fields, tokens: Token[], names: DateNames): string {
  let out = '';
  for (const token of tokens) out += typeof token === 'string' ? token : directive(f, token, names);
  return out;
}

/** Ruby's `Time#strftime` for `t`. Month and day names come from `names` (English by default). */
export function strftime(t: ZonedTime, format: string, names: DateNames = ENGLISH_NAMES): string {
  const tokens = compile(format);
  if (tokens.length === 1 && typeof tokens[0] === 'string') return tokens[0];
  return render(fieldsOf(t), tokens, names);
}

/* ------------------------------------------------------------------------ */
/* Named formats and locale names                                           */
/* ------------------------------------------------------------------------ */

interface NamedFormat {
  /** The English pattern. */
  pattern: string;
  /** The same format for other locales, through Intl. */
  intl: Intl.DateTimeFormatOptions;
}

/** Shopify's built-in `format:` names, with English output for 2022-04-14 16:56:02 -0400. */
export const NAMED_FORMATS: Readonly<Record<string, NamedFormat>> = {
  // Apr 14, 2022
  abbreviated_date: { pattern: '%b %d, %Y', intl: { year: 'numeric', month: 'short', day: 'numeric' } },
  // 4/14/2022
  basic: { pattern: '%-m/%-d/%Y', intl: { year: 'numeric', month: 'numeric', day: 'numeric' } },
  // April 14, 2022
  date: { pattern: '%B %d, %Y', intl: { year: 'numeric', month: 'long', day: 'numeric' } },
  // April 14, 2022 at 4:56 pm
  date_at_time: {
    pattern: '%B %d, %Y at %-l:%M %P',
    intl: { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  },
  // Thursday, April 14, 2022 at 4:56 pm -0400
  default: {
    pattern: '%A, %B %d, %Y at %-l:%M %P %z',
    intl: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  },
  // on Apr 14, 2022
  on_date: { pattern: 'on %b %d, %Y', intl: { year: 'numeric', month: 'short', day: 'numeric' } },
  // 14 Apr 16:56 (deprecated)
  short: { pattern: '%d %b %H:%M', intl: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } },
  // April 14, 2022 16:56 (deprecated)
  long: {
    pattern: '%B %d, %Y %H:%M',
    intl: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  },
};

function isEnglish(code: string): boolean {
  return code === '' || code === 'en' || code.toLowerCase().startsWith('en-');
}

const namesCache = new Map<string, DateNames>();

/** Month and weekday names of a locale, from Intl (English for English locales). */
export function localeNames(code: string): DateNames {
  if (isEnglish(code)) return ENGLISH_NAMES;
  const hit = namesCache.get(code);
  if (hit) return hit;
  let names = ENGLISH_NAMES;
  try {
    const month = (opts: Intl.DateTimeFormatOptions, i: number) =>
      new Intl.DateTimeFormat(code, { ...opts, day: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2021, i, 15)).find((p) => p.type === 'month')?.value ??
      MONTHS[i];
    const day = (style: 'long' | 'short', i: number) => new Intl.DateTimeFormat(code, { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2021, 7, 1 + i)); // 2021-08-01 is a Sunday
    const period = (h: number) =>
      new Intl.DateTimeFormat(code, { hour: 'numeric', hourCycle: 'h12', timeZone: 'UTC' })
        .formatToParts(Date.UTC(2021, 0, 1, h))
        .find((p) => p.type === 'dayPeriod')?.value;
    names = {
      months: MONTHS.map((_, i) => month({ month: 'long' }, i)),
      monthsShort: MONTHS.map((_, i) => month({ month: 'short' }, i)),
      days: DAYS.map((_, i) => day('long', i)),
      daysShort: DAYS.map((_, i) => day('short', i)),
      am: period(9) ?? 'AM',
      pm: period(15) ?? 'PM',
    };
  } catch {
    /* unknown locale: English */
  }
  return remember(namesCache, code, names, MAX_CACHE);
}

const intlCache = new Map<string, Intl.DateTimeFormat | null>();

function intlFormat(code: string, name: string, options: Intl.DateTimeFormatOptions, t: ZonedTime): string | undefined {
  const key = `${code}|${name}`;
  let f = intlCache.get(key);
  if (f === undefined) {
    try {
      // Times are shifted to their wall clock and formatted as UTC, so fixed offsets work too.
      // Shopify prints Gregorian years in Latin digits in every language (Thai too, not the Buddhist 2569).
      f = new Intl.DateTimeFormat(code, { ...options, timeZone: 'UTC', calendar: 'gregory', numberingSystem: 'latn' });
    } catch {
      f = null;
    }
    remember(intlCache, key, f, MAX_CACHE);
  }
  return f ? f.format(new Date(t.ms + t.offset * 60000)) : undefined;
}

/**
 * Formats `t` with a named format: the locale's `date_formats.<name>` translation
 * when the theme has one, else Shopify's built-in format (English pattern, or
 * Intl for other locales). Unknown names render Shopify's missing-translation text.
 */
export function formatNamed(t: ZonedTime, name: string, state: RenderState): string {
  const code = state.locale.code;
  const custom = lookupTranslation(state, `date_formats.${name}`);
  if (typeof custom === 'string') return strftime(t, custom, localeNames(code));
  const builtin = Object.hasOwn(NAMED_FORMATS, name) ? NAMED_FORMATS[name] : undefined;
  if (!builtin) {
    recordMissingTranslation(state, `date_formats.${name}`);
    return missingTranslationText(state, `date_formats.${name}`);
  }
  if (!isEnglish(code)) {
    const localized = intlFormat(code, name, builtin.intl, t);
    if (localized !== undefined) return localized;
  }
  return strftime(t, builtin.pattern);
}

/* ------------------------------------------------------------------------ */
/* Filters                                                                  */
/* ------------------------------------------------------------------------ */

/** Ruby's `Time#to_s`, how a time prints without a format. */
function timeToS(t: ZonedTime): string {
  return strftime(t, '%Y-%m-%d %H:%M:%S %z');
}

/**
 * Results by locale file, then by filter, input kind, zone, clock and arguments,
 * then by input: a page prints the same few dates (order dates, "today") many
 * times, and each format walks the strftime machinery. Inputs that are not plain
 * values, or arguments that are not, are not remembered.
 */
const remembered = new WeakMap<object, Map<string, Map<string | number, unknown>>>();

const CLOCK_INPUT = /^\s*(now|today)\s*$/i;
const MAX_REMEMBERED = 5_000;

function rememberedResult(state: RenderState, filter: string, value: unknown, args: unknown[], compute: () => unknown): unknown {
  let kind = 's';
  let input: string | number;
  if (typeof value === 'string') {
    input = value;
    // Only 'now' and 'today' read the clock; other inputs give the same text on every request.
    if (CLOCK_INPUT.test(value)) kind = `s@${state.now.getTime()}`;
  } else if (value instanceof Date) {
    kind = 'd';
    input = value.getTime();
  } else if (typeof value === 'number') {
    kind = 'n';
    input = value;
  } else return compute();
  let context = `${filter}\u0001${kind}\u0001${state.shop.timezone}\u0001${state.locale.code}`;
  for (const arg of args) {
    const keyword = isKeywordArg(arg);
    const plain = keyword ? arg[1] : arg;
    if (plain !== null && typeof plain !== 'string' && typeof plain !== 'number' && typeof plain !== 'boolean') return compute();
    context += keyword ? `\u0001${arg[0]}=${typeof plain}:${plain}` : `\u0001${typeof plain}:${plain}`;
  }
  let byContext = remembered.get(state.locale.translations);
  if (!byContext) remembered.set(state.locale.translations, (byContext = new Map()));
  const results = branch(byContext, context, MAX_REMEMBERED);
  const known = results.get(input);
  if (known !== undefined || results.has(input)) return known;
  const missingBefore = state.missingTranslations?.length ?? 0;
  const result = compute();
  // A result that recorded a missing translation must compute again on the next page, to record it there too.
  if ((state.missingTranslations?.length ?? 0) === missingBefore) remember(results, input, result, MAX_REMEMBERED);
  return result;
}

/**
 * `{{ created_at | date: '%B %d, %Y' }}`, `{{ 'now' | date: '%Y' }}`,
 * `{{ created_at | date: format: 'abbreviated_date' }}`.
 * Nil and blank inputs render nothing; text that is not a date is returned as is;
 * without a format the input is returned (a time prints like Ruby's `Time#to_s`).
 */
export function date(this: FilterThis, input: unknown, ...args: unknown[]): unknown {
  // A Float is no date to Ruby (Utils.to_date reads Integers and text): the gem 5.4 prints `2.5 | date: "%Y"` as 2.5.
  if (isFloat(input)) return input;
  const value = toValue(input);
  if (value === null || value === undefined || value === '') return '';
  const state = renderState(this.context);
  return rememberedResult(state, 'date', value, args, () => formatDate(state, value, args));
}

function isFloat(input: unknown): boolean {
  if (input instanceof RubyFloat) return true;
  const value = toValue(input);
  return typeof value === 'number' && !Number.isInteger(value);
}

function formatDate(state: RenderState, value: unknown, args: unknown[]): unknown {
  const { positional, named } = splitArgs(args);
  const formatArg = positional[0];
  const format = formatArg === null || formatArg === undefined ? '' : toText(formatArg);
  const name = hasNamed(named, 'format') ? toText(namedValue(named, 'format')) : '';
  if (!format && !name) {
    if (value instanceof Date) {
      const t = toZonedTime(value, state);
      return t ? timeToS(t) : '';
    }
    return value;
  }
  const t = toZonedTime(value, state);
  if (!t) return value;
  if (format) return strftime(t, format);
  return formatNamed(t, name, state);
}

/**
 * `{{ created_at | time_tag: '%B %d, %Y' }}` →
 * `<time datetime="2022-04-14T20:56:02Z">April 14, 2022</time>`. Takes a strftime
 * format, or `format:` a named format (default `date`), and `datetime:` a strftime
 * format for the attribute (default UTC ISO 8601). Text and attribute are escaped.
 */
export function time_tag(this: FilterThis, input: unknown, ...args: unknown[]): string {
  const value = toValue(input);
  if (value === null || value === undefined || value === '') return '';
  const state = renderState(this.context);
  return rememberedResult(state, 'time_tag', value, args, () => timeTag(state, value, args)) as string;
}

function timeTag(state: RenderState, value: unknown, args: unknown[]): string {
  const { positional, named } = splitArgs(args);
  const t = toZonedTime(value, state);
  if (!t) return escapeHtml(toText(value));
  const format = positional[0] === null || positional[0] === undefined ? '' : toText(positional[0]);
  const name = hasNamed(named, 'format') ? toText(namedValue(named, 'format')) : '';
  const label = format ? strftime(t, format) : formatNamed(t, name || 'date', state);
  const datetimeFormat = hasNamed(named, 'datetime') ? toText(namedValue(named, 'datetime')) : '';
  const datetime = datetimeFormat ? strftime(t, datetimeFormat) : strftime({ ms: t.ms, nanos: t.nanos, offset: 0, abbr: 'UTC' }, '%Y-%m-%dT%H:%M:%SZ');
  return `<time datetime="${escapeHtml(datetime)}">${escapeHtml(label)}</time>`;
}

export function registerDateFilters(liquid: Liquid): void {
  liquid.registerFilter('date', date);
  liquid.registerFilter('time_tag', time_tag);
}
