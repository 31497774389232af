import { describe, expect, it } from 'vitest';
import { comparableTime, latestIndex, timeOf } from '@encore/core/dates.ts';

describe('timeOf', () => {
  it.each([
    ['2026-03-09T10:00:00-05:00', Date.UTC(2026, 2, 9, 15)],
    ['2026-03-09T16:20:00+05:30', Date.UTC(2026, 2, 9, 10, 50)],
    ['2026-02-27T12:00:00Z', Date.UTC(2026, 1, 27, 12)],
    ['2026-03-09T10:00:00.250-05:00', Date.UTC(2026, 2, 9, 15, 0, 0, 250)],
  ])('%s is %d', (text, expected) => {
    expect(timeOf(text)).toBe(expected);
  });

  // The quick reader must never disagree with Date.parse, on good text or bad.
  it.each([
    '2026-03-09T10:00:00-05:00',
    '2026-12-31T23:59:59+14:00',
    '1999-01-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T23:60:00Z',
    '2026-13-01T10:00:00Z',
    '2026-03-01T10:00:00-24:00',
    '0099-03-01T10:00:00Z',
    '2026-03-01t10:00:00z',
    '2026-0a-01T10:00:00Z',
    '2026-03-01T10:00:00 05:00',
    '2026-03-01',
    'not a date',
    '',
  ])('%j reads as Date.parse reads it', (text) => {
    expect(Object.is(timeOf(text), Date.parse(text))).toBe(true);
  });

  it('missing values and invalid Dates are NaN; a Date is its own time', () => {
    expect(timeOf(null)).toBeNaN();
    expect(timeOf(undefined)).toBeNaN();
    expect(timeOf(new Date('nope'))).toBeNaN();
    expect(timeOf(new Date(Date.UTC(2026, 2, 19, 16)))).toBe(Date.UTC(2026, 2, 19, 16));
  });
});

describe('latestIndex', () => {
  const at = (time: string | null) => ({ time });
  it('picks the latest instant, the later position on a tie, and never an unreadable time over a readable one', () => {
    expect(latestIndex([at('2026-03-04T13:00:00-05:00'), at('2026-03-04T08:00:00-05:00')], (item) => item.time)).toBe(0);
    expect(latestIndex([at('2026-03-04T13:00:00-05:00'), at('2026-03-04T18:00:00Z')], (item) => item.time)).toBe(1);
    expect(latestIndex([at('2026-03-04T08:00:00-05:00'), at('bad'), at(null)], (item) => item.time)).toBe(0);
    expect(latestIndex([at('bad'), at(null)], (item) => item.time)).toBe(1);
    expect(latestIndex([], (item: { time: string }) => item.time)).toBe(-1);
    expect(comparableTime('bad')).toBe(Number.NEGATIVE_INFINITY);
  });
});
