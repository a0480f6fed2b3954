/** Placeholder: `evidence-vault export` is written by another helper; this stub keeps the command table whole. */
import { EXIT, type CliIO } from './io.js';

export async function runExport(_args: string[], io: CliIO): Promise<number> {
  io.stderr('evidence-vault: export is not available yet\n');
  return EXIT.INTERNAL;
}
