import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../shared/wire.js';

describe('wire encoding', () => {
  it('round-trips bytes at any depth, and plain data unchanged', () => {
    const value = {
      a: new Uint8Array([0, 1, 2, 255]),
      list: [{ data: new Uint8Array(70_000).fill(9) }, 'text', 3, null, true],
      title: 'a "$bytes" title {"$bytes":"AAAA"}',
    };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(back.a).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(back.list[0]).toEqual({ data: new Uint8Array(70_000).fill(9) });
    expect(back.list.slice(1)).toEqual(['text', 3, null, true]);
    expect(back.title).toBe(value.title);
  });

  it('does not turn user text that looks like bytes into bytes', () => {
    const value = { title: '{"$bytes":"AAAA"}', notes: ['$bytes'] };
    expect(decodeWire(encodeWire(value))).toEqual(value);
  });
});
