/** `evidence-vault verify PACK`: check a case pack (folder or ZIP). Needs no vault. */
import { normaliseFingerprint, verifyPack } from '../service/index.js';
import { groupHex } from '../../shared/format.js';
import { EXIT, fail, oneLine, parseCommandArgs, type CliIO } from './io.js';
import { shown } from './output.js';

export const verifyHelp = `Usage: evidence-vault verify PACK [--expect-fingerprint HEX] [--json] [--progress]

Check a case pack, a folder or a .zip: bagit.txt, every SHA-256 in manifest-sha256.txt and
tagmanifest-sha256.txt, Payload-Oxum, and the Ed25519 signature over the tag manifest (and its
SSH form, tagmanifest-sha256.txt.sshsig, when the pack has one). Names every missing, extra or
changed file. Exits 0 only when all of it holds; 1 otherwise.

A portal-mode pack (export --portal) is checked part by part: give one part's folder (part-2)
to check that part on its own, or the folder holding part-1, part-2, ... to check every part and
that none is missing.

The signing key travels inside the pack, so a valid signature shows only that the pack is
unchanged since that key signed it. Compare the key's fingerprint (printed as "Signed by key")
with the producer's key card, or give it with --expect-fingerprint.

Options:
  --expect-fingerprint HEX   fail (exit 1) unless the pack is signed by this key: its SHA-256
                             fingerprint, 64 hex digits, spaces allowed
  --json                     print the report as JSON on stdout
  --progress                 show progress on stderr even when it is not a terminal
  -h, --help                 show this help
`;

export async function runVerify(args: string[], io: CliIO): Promise<number> {
  const { values, positionals, help } = parseCommandArgs(
    'verify',
    args,
    { json: { type: 'boolean' }, progress: { type: 'boolean' }, 'expect-fingerprint': { type: 'string' } },
    { min: 1, max: 1, names: 'PACK' },
  );
  if (help) {
    io.stdout(verifyHelp);
    return EXIT.OK;
  }
  const pack = positionals[0] ?? '';
  const typed = values['expect-fingerprint'];
  const expected = typed === undefined ? undefined : normaliseFingerprint(typed);
  if (expected === null) {
    fail(
      'verify: --expect-fingerprint must be the signing key\'s fingerprint, 64 hex digits (spaces allowed). Run "evidence-vault verify --help" for usage.',
    );
  }
  let last = 0;
  let lastTenth = -1;
  let drawn = false;
  const report = await verifyPack(pack, {
    signal: io.signal,
    expectFingerprint: expected,
    onProgress: (done, total) => {
      const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
      if (io.stderrIsTTY) {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        drawn = true;
        io.stderr(`\r\u001b[2KVerifying: ${pct}%`);
      } else if (values.progress === true || total > 256e6) {
        const tenth = Math.floor(pct / 10);
        if (tenth !== lastTenth) io.stderr(`Verifying: ${pct}%\n`);
        lastTenth = tenth;
      }
    },
  });
  if (drawn) io.stderr('\r\u001b[2K');
  if (values.json === true) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? EXIT.OK : EXIT.CHECK_FAILED;
  }
  io.stdout(`Pack: ${shown(report.location)}\n`);
  if (report.packId) io.stdout(`Pack id: ${shown(report.packId)}\n`);
  if (report.sourceOrganization) io.stdout(`Made by: ${shown(report.sourceOrganization)}\n`);
  if (report.baggingDate) io.stdout(`Made on: ${shown(report.baggingDate)}\n`);
  if (report.signingKeyFingerprint) io.stdout(`Signing key fingerprint: ${groupHex(report.signingKeyFingerprint)}\n`);
  for (const part of report.portal?.parts ?? []) {
    const n = part.problems.length;
    io.stdout(
      `${shown(part.name)} (part ${part.part} of ${part.of}): ${part.filesChecked} files, signature ${part.signatureValid ? 'valid' : 'NOT valid'}, ${n === 0 ? 'OK' : `${n} problem${n === 1 ? '' : 's'}`}\n`,
    );
  }
  for (const p of report.problems) io.stdout(`${p.kind.toUpperCase()}: ${shown(p.message)}\n`);
  if (report.ok && report.portal) {
    const parts = report.portal.parts.length;
    io.stdout(
      `Verified: ${report.filesChecked} files (${report.bytesChecked} bytes) in ${parts === 1 ? `part ${report.portal.part ?? 1} of ${report.portal.of}` : `all ${parts} parts`}, every SHA-256 matches, ${parts === 1 ? 'its' : "every part's"} SSH signature valid.\n`,
    );
    const key = groupHex(report.signingKeyFingerprint ?? '');
    io.stdout(
      expected
        ? `Signed by key ${key}: the key you expected.\n`
        : `Signed by key ${key}; compare it with the producer's key card.\n`,
    );
    return EXIT.OK;
  }
  if (report.ok) {
    io.stdout(
      `Verified: ${report.filesChecked} files (${report.bytesChecked} bytes), every SHA-256 matches, Payload-Oxum holds, signature valid.\n`,
    );
    const key = groupHex(report.signingKeyFingerprint ?? '');
    io.stdout(
      expected
        ? `Signed by key ${key}: the key you expected.\n`
        : `Signed by key ${key}; compare it with the producer's key card.\n`,
    );
    return EXIT.OK;
  }
  const n = report.problems.length;
  fail(
    `verify failed: ${n} problem${n === 1 ? '' : 's'} (listed above): ${oneLine(report.problems[0]?.message ?? '')}`,
    EXIT.CHECK_FAILED,
  );
}
