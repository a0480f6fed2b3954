import { describe, expect, it } from 'vitest';
import { formatOffset, formatSize, groupHex, normaliseOffset, offsetLabel, offsetMinutes } from './format.js';

describe('formatSize', () => {
  it('uses binary units with one decimal', () => {
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(1023)).toBe('1023 bytes');
    expect(formatSize(1024)).toBe('1.0 KiB');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(1024 * 1024 - 1)).toBe('1024.0 KiB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MiB');
    expect(formatSize(3 * 1024 ** 3)).toBe('3.0 GiB');
    expect(formatSize(2 * 1024 ** 4)).toBe('2.0 TiB');
    expect(formatSize(2048 * 1024 ** 4)).toBe('2048.0 TiB');
  });
});

describe('groupHex', () => {
  it('splits a fingerprint into groups of four', () => {
    expect(groupHex('0123456789abcdef01')).toBe('0123 4567 89ab cdef 01');
    expect(groupHex('abcd')).toBe('abcd');
    expect(groupHex('')).toBe('');
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(groupHex(sha).split(' ')).toHaveLength(16);
    expect(groupHex(sha).replaceAll(' ', '')).toBe(sha);
  });
});

describe('UTC offsets', () => {
  it('reads and writes minutes east of UTC', () => {
    expect(offsetMinutes('+05:30')).toBe(330);
    expect(offsetMinutes('-04:00')).toBe(-240);
    expect(offsetMinutes('Z')).toBe(0);
    expect(offsetMinutes('garbage')).toBe(0);
    expect(formatOffset(-300)).toBe('-05:00');
    expect(formatOffset(345)).toBe('+05:45');
    expect(formatOffset(0)).toBe('Z');
    for (const o of ['+01:00', '-09:30', '+12:45', '-12:00', '+14:00']) expect(formatOffset(offsetMinutes(o))).toBe(o);
  });

  it('stores zero as Z and labels offsets for reading', () => {
    expect(normaliseOffset('+00:00')).toBe('Z');
    expect(normaliseOffset('-00:00')).toBe('Z');
    expect(normaliseOffset('Z')).toBe('Z');
    expect(normaliseOffset('+01:00')).toBe('+01:00');
    expect(offsetLabel(undefined)).toBe('UTC');
    expect(offsetLabel('Z')).toBe('UTC');
    expect(offsetLabel('+00:00')).toBe('UTC');
    expect(offsetLabel('+01:00')).toBe('UTC+01:00');
    expect(offsetLabel('-05:00')).toBe('UTC-05:00');
  });
});
