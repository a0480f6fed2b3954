import type { Exhibit } from '../../shared/model.js';
import type { CliIO } from './io.js';

/** "  name  size bytes  SHA-256 hex  (exhibit id)" per exhibit. */
export function printExhibits(io: CliIO, exhibits: Exhibit[], indent = '  '): void {
  for (const x of exhibits) {
    io.stdout(`${indent}${x.name}  ${x.size} bytes  SHA-256 ${x.sha256}  (exhibit ${x.id})\n`);
  }
}
