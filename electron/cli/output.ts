import type { Exhibit } from '../../shared/model.js';
import { escapeControls } from '../../shared/text.js';
import type { CliIO } from './io.js';

/**
 * User text (a title, a name, a file name, a message quoting one) as the human-readable output
 * shows it: every control character made visible (shared/text.ts), never more than one line.
 * --json output stays exact JSON and does not go through this.
 */
export function shown(text: string): string {
  const safe = escapeControls(text);
  return safe.length > 2000 ? safe.slice(0, 1997) + '...' : safe;
}

/** "  name  size bytes  SHA-256 hex  (exhibit id)" per exhibit. */
export function printExhibits(io: CliIO, exhibits: Exhibit[], indent = '  '): void {
  for (const x of exhibits) {
    io.stdout(`${indent}${shown(x.name)}  ${x.size} bytes  SHA-256 ${x.sha256}  (exhibit ${x.id})\n`);
  }
}
