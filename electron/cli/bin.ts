/**
 * evidence-vault: the command-line interface (bin, built to dist/cli.cjs).
 * Everything is caught: an error is ONE line on stderr and a non-zero exit; the stack only with
 * EVIDENCE_VAULT_DEBUG=1.
 */
import { EXIT, reportError } from './io.js';
import { runCli } from './main.js';
import { createNodeIO } from './node-io.js';

const io = createNodeIO();

function crash(e: unknown): void {
  process.exitCode = reportError(io, e);
  if (process.exitCode === EXIT.OK) process.exitCode = EXIT.INTERNAL;
  process.exit();
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// `evidence-vault list DIR | head`: a closed pipe is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.OK);
    crash(e);
  });
}

void runCli(process.argv.slice(2), io).then((code) => {
  io.dispose();
  process.exitCode = code;
  // Everything a command does is awaited and the vault is locked by now: once the output is out,
  // end, so that nothing left behind (a worker, a timer) can keep the command from finishing.
  process.stdout.write('', () => process.stderr.write('', () => process.exit()));
});
