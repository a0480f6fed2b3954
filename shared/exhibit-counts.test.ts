import { describe, expect, test } from 'vitest';
import { countExhibits, filesAndItems } from './exhibit-counts.js';

const file = { kind: 'file' as const };
const item = { kind: 'physical' as const };

describe('files and physical items counted as what they are', () => {
  test('a physical item is never counted as a file', () => {
    expect(countExhibits([file, file, item])).toEqual({ files: 2, items: 1 });
    expect(filesAndItems([file, file, item])).toBe('2 files, 1 physical item');
    expect(filesAndItems([item, item])).toBe('2 physical items');
  });

  test('files alone, one of each, none', () => {
    expect(filesAndItems([file])).toBe('1 file');
    expect(filesAndItems([file, item])).toBe('1 file, 1 physical item');
    expect(filesAndItems([])).toBe('No exhibits');
  });
});
