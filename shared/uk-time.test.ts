/** UK dates and times: real dates only, the offset worked out for the day, the doubled hour asked, the missing hour and the future refused. */
import { describe, expect, test } from 'vitest';
import {
  checkWhen,
  dateInWords,
  entryFor,
  realDate,
  twiceQuestion,
  ukNow,
  ukOffset,
  type WhenEntry,
} from './uk-time.js';

const NOW = new Date('2024-11-20T12:00:00Z');
const uk = (date: string, time = '', fold: WhenEntry['fold'] = ''): WhenEntry => ({
  date,
  time,
  zone: 'uk',
  offset: 'Z',
  fold,
});

describe('real dates', () => {
  test('31/02 and 29/02 in a common year are not real; 29/02/2024 is', () => {
    expect(realDate('2024-02-31')).toBeNull();
    expect(realDate('2023-02-29')).toBeNull();
    expect(realDate('2024-13-01')).toBeNull();
    expect(realDate('2024-00-10')).toBeNull();
    expect(realDate('2024-02-29')?.toString()).toBe('2024-02-29');
  });
  test('31/02 is refused with one line naming it', () => {
    expect(checkWhen(uk('2024-02-31'), NOW)).toEqual({
      ok: false,
      field: 'date',
      message: '31/02/2024 is not a real date. Check the day, month and year.',
    });
  });
  test('in words, the UK way', () => {
    expect(dateInWords('2019-11-12')).toBe('Tuesday 12 November 2019');
    expect(dateInWords('2019-11-18')).toBe('Monday 18 November 2019');
    expect(dateInWords('2024-02-29')).toBe('Thursday 29 February 2024');
    expect(dateInWords('2024-02-31')).toBeNull();
  });
});

describe('the UK offset for the chosen date and time', () => {
  test('GMT in winter, BST in summer', () => {
    expect(ukOffset('2019-11-18', '20:15')).toEqual({ kind: 'exact', offset: 'Z' });
    expect(ukOffset('2024-07-01', '09:00')).toEqual({ kind: 'exact', offset: '+01:00' });
  });
  test('27/10/2024 01:30 happened twice: asked, with both offsets', () => {
    const twice = ukOffset('2024-10-27', '01:30');
    expect(twice).toEqual({ kind: 'twice', first: '+01:00', second: 'Z' });
    const r = checkWhen(uk('2024-10-27', '01:30'), NOW);
    expect(r).toEqual({
      ok: false,
      field: 'fold',
      message: '01:30 happened twice that night: the first time (BST, +01:00) or the second (GMT, +00:00)?',
      twice: { first: '+01:00', second: 'Z' },
    });
    if (twice.kind === 'twice') expect(twiceQuestion('01:30', twice)).toBe(r.ok ? '' : r.message);
    expect(checkWhen(uk('2024-10-27', '01:30', 'first'), NOW)).toEqual({
      ok: true,
      date: '2024-10-27',
      time: '01:30',
      offset: '+01:00',
    });
    expect(checkWhen(uk('2024-10-27', '01:30', 'second'), NOW)).toEqual({
      ok: true,
      date: '2024-10-27',
      time: '01:30',
      offset: 'Z',
    });
    // The hours either side are not ambiguous.
    expect(ukOffset('2024-10-27', '00:59')).toEqual({ kind: 'exact', offset: '+01:00' });
    expect(ukOffset('2024-10-27', '02:00')).toEqual({ kind: 'exact', offset: 'Z' });
  });
  test('31/03/2024 01:30 never happened: refused with a plain line', () => {
    expect(ukOffset('2024-03-31', '01:30')).toEqual({ kind: 'never' });
    expect(checkWhen(uk('2024-03-31', '01:30'), NOW)).toEqual({
      ok: false,
      field: 'time',
      message:
        '01:30 on 31/03/2024 never happened in the UK: the clocks went forward an hour that night. Check the time.',
    });
    expect(ukOffset('2024-03-31', '00:59')).toEqual({ kind: 'exact', offset: 'Z' });
    expect(ukOffset('2024-03-31', '02:00')).toEqual({ kind: 'exact', offset: '+01:00' });
  });
});

describe('the future, and what is stored', () => {
  test('a future date is refused; today is fine', () => {
    expect(checkWhen(uk('2024-11-21'), NOW)).toMatchObject({
      ok: false,
      field: 'date',
      message: 'This date is in the future. Check the day, month and year.',
    });
    expect(checkWhen(uk('2024-11-20'), NOW)).toEqual({ ok: true, date: '2024-11-20' });
  });
  test('a time later today than now is refused; earlier is fine', () => {
    expect(checkWhen(uk('2024-11-20', '12:01'), NOW)).toMatchObject({
      ok: false,
      field: 'time',
      message: 'This time is later than now. Check the time.',
    });
    expect(checkWhen(uk('2024-11-20', '11:59'), NOW)).toEqual({
      ok: true,
      date: '2024-11-20',
      time: '11:59',
      offset: 'Z',
    });
  });
  test('a date alone stores no time and no offset', () => {
    expect(checkWhen(uk('2019-11-18'), NOW)).toEqual({ ok: true, date: '2019-11-18' });
  });
  test('a time without a date, and no date at all, are refused', () => {
    expect(checkWhen(uk('', '20:15'), NOW)).toMatchObject({
      ok: false,
      field: 'date',
      message: 'Enter the date as well as the time.',
    });
    expect(checkWhen(uk(''), NOW)).toMatchObject({ ok: false, field: 'date' });
  });
  test('another UTC offset, for an incident abroad, is kept as chosen', () => {
    expect(checkWhen({ date: '2019-11-14', time: '23:59', zone: 'offset', offset: '-05:00', fold: '' }, NOW)).toEqual({
      ok: true,
      date: '2019-11-14',
      time: '23:59',
      offset: '-05:00',
    });
  });
  test('"just now" is the UK date and time, BST included', () => {
    expect(ukNow(new Date('2024-07-01T23:30:00Z'))).toEqual({ date: '2024-07-02', time: '00:30' });
    expect(ukNow(new Date('2024-01-01T23:30:00Z'))).toEqual({ date: '2024-01-01', time: '23:30' });
  });
});

describe('a stored time read back into the form', () => {
  test('the UK offset for that moment reads as UK time; the doubled hour keeps which one', () => {
    expect(entryFor({ date: '2024-05-03', time: '21:40', offset: '+01:00' })).toMatchObject({ zone: 'uk', fold: '' });
    expect(entryFor({ date: '2024-10-27', time: '01:30', offset: 'Z' })).toMatchObject({ zone: 'uk', fold: 'second' });
    expect(entryFor({ date: '2024-10-27', time: '01:30', offset: '+01:00' })).toMatchObject({
      zone: 'uk',
      fold: 'first',
    });
    expect(entryFor({ date: '2019-11-14', time: '23:59', offset: '-05:00' })).toMatchObject({
      zone: 'offset',
      offset: '-05:00',
    });
    expect(entryFor({ date: '2024-05-03' })).toMatchObject({ zone: 'uk', time: '' });
  });
});
