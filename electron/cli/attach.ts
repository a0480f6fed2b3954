import { ID_PATTERN } from '../../shared/model.js';
import type { CliIO } from './io.js';
import { checkFilesToImport, grantFiles, prepareToRead } from './files.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { printExhibits, printWarnings, sayAgain } from './output.js';
import { importWords, progressPrinter } from './progress.js';
import { withVault } from './service.js';

export const help = `Usage: evidence-vault attach DIR INCIDENT_ID FILE... [--again] [--progress]

Import one or more files as exhibits of an incident (its id is printed by "add" and "list").
Each file is encrypted into the vault with its SHA-256; the original stays where it is.
All or nothing: if any file cannot be imported (missing, unreadable, empty, a folder, changed
while it was read, disk full, already in the vault), none is added.
A file whose content is not what its name says is added with a warning on stderr.

Options:
  --again      add files that are already in the vault anyway (otherwise refused, exit code 4)
  --progress   show import progress on stderr even when it is not a terminal
  -h, --help   show this help
`;

export async function runAttach(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs(
    'attach',
    args,
    { progress: { type: 'boolean' }, again: { type: 'boolean' } },
    { min: 3, max: Number.POSITIVE_INFINITY, names: 'DIR, INCIDENT_ID and FILE' },
  );
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  const [dir = '', incidentId = '', ...given] = positionals;
  if (!ID_PATTERN.test(incidentId)) {
    fail(`"${incidentId}" is not an incident id (32 hexadecimal characters, as printed by "add" and "list")`);
  }
  const files = checkFilesToImport(given);
  await prepareToRead(files);
  return withVault(dir, io, async (vault) => {
    if (io.signal.aborted) throw io.signal.reason;
    await vault.call('incidents.get', { id: incidentId }); // a clear NOT_FOUND before any file is read
    const { sources, release } = await grantFiles(vault, files);
    const progress = progressPrinter(io, values.progress === true, importWords);
    let exhibits;
    try {
      const allowDuplicates = values.again === true;
      exhibits = await vault
        .job(progress.on, (jobId) => vault.call('exhibits.import', { incidentId, jobId, sources, allowDuplicates }))
        .catch(sayAgain);
    } finally {
      progress.done();
      release();
    }
    const n = exhibits.length;
    io.stdout(`Attached ${n} exhibit${n === 1 ? '' : 's'} to incident ${incidentId}:\n`);
    printExhibits(io, exhibits);
    printWarnings(io, exhibits);
    return EXIT.OK;
  });
}
