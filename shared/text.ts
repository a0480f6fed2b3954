/**
 * Text from the user (titles, names, file names) shown on a terminal: every control character is
 * made visible, so a name cannot move the cursor, clear the screen, start a new line that looks like
 * ours, or reverse the text around it.
 */

/**
 * C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F), and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each control character written as \u{hex} (ESC becomes \u{1b}, a newline \u{a}). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
