/** Placeholder: `evidence-vault verify` is written by another helper; this stub keeps the command table whole. */
import { EXIT, type CliIO } from './io.js';

export async function runVerify(_args: string[], io: CliIO): Promise<number> {
  io.stderr('evidence-vault: verify is not available yet\n');
  return EXIT.INTERNAL;
}
