import { describe, expect, test } from 'vitest';
import { escapeControls } from './text.js';

describe('escapeControls', () => {
  test('C0, DEL, C1 and the bidi controls become visible; other text stays as it is', () => {
    expect(escapeControls('a\u001b[2Jb')).toBe('a\\u{1b}[2Jb');
    expect(escapeControls('line\nfake\r\t')).toBe('line\\u{a}fake\\u{d}\\u{9}');
    expect(escapeControls('\u0000\u007f\u0080\u009b\u009f')).toBe('\\u{0}\\u{7f}\\u{80}\\u{9b}\\u{9f}');
    expect(escapeControls('x\u202ecod.exe\u202a\u202c\u2066\u2069')).toBe(
      'x\\u{202e}cod.exe\\u{202a}\\u{202c}\\u{2066}\\u{2069}',
    );
    const plain = 'Café “letter” 📷 \ufffd C:\\path é\u00a0';
    expect(escapeControls(plain)).toBe(plain);
  });
});
