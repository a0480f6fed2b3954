import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { shown } from './output.js';
import { checkWords, progressPrinter } from './progress.js';
import { withVault } from './service.js';

export const help = `Usage: evidence-vault check DIR [--progress]

Verify the whole vault: every record's authentication, every exhibit against its SHA-256, and the
custody log's chain. Exits 0 only when everything verifies; otherwise prints each problem and
exits 1, naming what failed.

Options:
  --progress   show progress on stderr even when it is not a terminal
  -h, --help   show this help
`;

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs('check', args, { progress: { type: 'boolean' } }, { min: 1, max: 1, names: 'DIR' });
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const progress = progressPrinter(io, values.progress === true, checkWords);
    let report;
    try {
      report = await vault.job(progress.on, (jobId) => vault.call('vault.check', { jobId }));
    } finally {
      progress.done();
    }
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const counts = [
      plural(report.records, 'record', 'records'),
      plural(report.blobs, 'exhibit file', 'exhibit files'),
      plural(report.custodyEntries, 'custody log entry', 'custody log entries'),
    ].join(', ');
    const notLogged = report.notLogged
      ? `the result could not be written to the activity log (${report.notLogged}); free some space and run check again to record it`
      : undefined;
    if (report.ok && report.problems.length === 0) {
      io.stdout(`All verified: ${counts}.\n`);
      if (notLogged) fail(`everything verified, but ${notLogged}`, EXIT.DISK_FULL);
      return EXIT.OK;
    }
    for (const p of report.problems) io.stdout(`FAILED ${p.kind}: ${shown(p.message)}\n`);
    const n = report.problems.length;
    const first = report.problems
      .slice(0, 3)
      .map((p) => p.message)
      .join('; ');
    const more = n > 3 ? `; and ${n - 3} more (listed above)` : '';
    fail(
      `check failed: ${n} problem${n === 1 ? '' : 's'} in ${counts}: ${first}${more}${notLogged ? `; and ${notLogged}` : ''}`,
      EXIT.CHECK_FAILED,
    );
  });
}
