import type { CliIO } from './io.js';
import { EXIT, parseCommandArgs } from './io.js';
import { shown } from './output.js';
import { withVault } from './service.js';

export const help = `Usage: evidence-vault log DIR [--json]

Print the custody log: every create, edit, delete, import, view, export and check, oldest first,
with what it was about.

Options:
  --json       print a JSON array of { seq, at, action, subjectKind, subjectId, details }
               (and enteredBy, who made it, in a vault with more than one person's passphrase)
  -h, --help   show this help
`;

export async function runLog(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs('log', args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'DIR' });
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const entries = await vault.call('custody.list', {});
    if (values.json === true) {
      io.stdout(JSON.stringify(entries, null, 2) + '\n');
      return EXIT.OK;
    }
    for (const e of entries) {
      const subject = e.subjectId ? `${e.subjectKind} ${e.subjectId}` : e.subjectKind;
      const details = Object.keys(e.details).length > 0 ? `  ${JSON.stringify(e.details)}` : '';
      const by = e.enteredBy !== undefined ? `  (by ${shown(e.enteredBy)})` : '';
      io.stdout(`${e.seq}  ${e.at}  ${e.action}  ${shown(subject + details)}${by}\n`);
    }
    return EXIT.OK;
  });
}
