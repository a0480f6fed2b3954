/**
 * `evidence-vault key-card DIR --out FILE.pdf`: print the vault's signing key card (a one-page PDF:
 * the key's fingerprint in large type and as a QR code) through the service's 'pack.keyCard', as
 * Settings → Print key card does. Hand it to the police (your SPOC) at the first report.
 */
import { groupHex } from '../../shared/format.js';
import { EXIT, fail, parseCommandArgs, type CliIO } from './io.js';
import { shown } from './output.js';
import { withVault } from './service.js';
import path from 'node:path';

export const keyCardHelp = `Usage: evidence-vault key-card DIR --out FILE.pdf

Write the vault's signing key card: one printable page with the signing key's fingerprint in
large type and as a QR code. Hand it to your SPOC at the first report; every later pack can be
checked against it (evidence-vault verify PACK --expect-fingerprint HEX). It is not secret: it
cannot open the vault or sign anything.

Options:
  --out FILE.pdf   where to write the card (a new file)
  -h, --help       show this help
`;

export async function runKeyCard(args: string[], io: CliIO): Promise<number> {
  const { values, positionals, help } = parseCommandArgs(
    'key-card',
    args,
    { out: { type: 'string' } },
    { min: 1, max: 1, names: 'DIR' },
  );
  if (help) {
    io.stdout(keyCardHelp);
    return EXIT.OK;
  }
  const out = values.out;
  if (!out) fail('key-card: --out FILE.pdf is needed: where to write the key card');
  if (!/\.pdf$/i.test(out)) fail(`key-card: --out must end in .pdf (got "${out}")`);
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const g = await vault.grant(out, { mustExist: false });
    const card = await vault.call('pack.keyCard', { destination: { kind: 'grant', grantId: g.grantId } });
    io.stdout(`Key card written: ${shown(path.resolve(out))}\n`);
    io.stdout(`Signing key fingerprint: ${groupHex(card.fingerprint)}\n`);
    io.stdout(`As ssh-keygen prints it: ${card.sshFingerprint}\n`);
    return EXIT.OK;
  });
}
