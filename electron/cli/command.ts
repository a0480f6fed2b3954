import type { CliIO } from './io.js';

/** One subcommand of evidence-vault. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text (usage, options, examples), printed by `--help` and `help NAME`. */
  help?: string;
  run(args: string[], io: CliIO): Promise<number>;
}
