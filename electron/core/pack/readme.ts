/** data/README.txt: what the pack is and how to check it, in plain words (English or Welsh). */
import type { CaseFile } from './casefile.js';
import { withheldLines } from './contents.js';
import { groupHex } from '../../../shared/format.js';
import { datesIn } from './pdf/when.js';
import { humanSize, packText, type PackText } from './words/index.js';
import { SSHSIG_NAMESPACE, SSH_PRINCIPAL } from './sshsig.js';

export const SIGNATURE_FILE = 'tagmanifest-sha256.txt.sig';
export const PUBLIC_KEY_FILE = 'signing-key.pem';
/** The same signature in OpenSSH's SSHSIG format (./sshsig.ts), and the key in OpenSSH form. */
export const SSH_SIGNATURE_FILE = 'tagmanifest-sha256.txt.sshsig';
export const SSH_PUBLIC_KEY_FILE = 'signing-key.pub';
export const EXHIBIT_HASHES_FILE = 'data/exhibit-hashes-sha256.txt';

/** The physical items listed in the pack (issue 13): no file, where each is kept. */
function physicalItems(c: CaseFile, t: PackText): string {
  const items = c.exhibits.filter((x) => x.physical);
  if (items.length === 0) return '';
  const lines = items.map(
    (x) => `  - ${t('readme.physicalItem', { ref: x.ref, name: x.originalName, keptAt: x.physical?.keptAt ?? '' })}`,
  );
  return `\n${t('readme.physicalHeading')}\n${lines.join('\n')}\n`;
}

/** The SSH signature's part of the README: how to check it with ssh-keygen -Y verify. */
export interface ReadmeSsh {
  /** The allowed_signers line (sshsig.ts allowedSignersLine). */
  allowedSigners: string;
  /** SHA256:base64, as ssh-keygen prints the key. */
  sshFingerprint: string;
}

function sshSection(ssh: ReadmeSsh, t: PackText): string {
  return t('readme.ssh', {
    sshSignature: SSH_SIGNATURE_FILE,
    namespace: SSHSIG_NAMESPACE,
    sshPublicKey: SSH_PUBLIC_KEY_FILE,
    allowedSigners: ssh.allowedSigners,
    principal: SSH_PRINCIPAL,
    sshFingerprint: ssh.sshFingerprint,
  });
}

/** data/README.txt in the pack's language (case.json's language; English when it has none). */
export function readmeText(c: CaseFile, exhibitListSha256: string, ssh?: ReadmeSsh): string {
  const lang = c.language ?? 'en';
  const t = packText(lang);
  const who = c.producer.name || t('readme.who');
  const omitted = c.omittedExhibits.length
    ? c.omittedExhibits
        .map(
          (o) =>
            `  - ${o.ref ?? t('pdf.disclosure.noRef')} "${o.name}": ${
              o.reason === 'damaged'
                ? t('readme.omitted.damaged')
                : o.reason === 'gps-position'
                  ? t('readme.omitted.gps')
                  : t('pdf.disclosure.why.user')
            }`,
        )
        .join('\n')
    : `  ${t('readme.none')}`;
  const privacy: string[] = [];
  if (c.privacy.notesLeftOut) privacy.push(t('readme.privacy.notes'));
  if (c.privacy.privateFieldsLeftOut) privacy.push(t('readme.privacy.fields'));
  const title = t('readme.title', { packId: c.packId });
  const fingerprint = groupHex(c.signingKey.fingerprintSha256);
  return `${title}
${'='.repeat(title.length)}

${t('readme.what', {
  who,
  when: datesIn(lang).ukInstant(c.createdAt),
  incidents: c.counts.incidents,
  exhibits: c.counts.exhibits,
  size: humanSize(lang, c.counts.exhibitBytes),
  exhibitList: EXHIBIT_HASHES_FILE,
  initials: c.producer.initials,
})}${t('readme.notIncluded')}
${omitted}

${t('readme.refsNotIn')}
${
  c.withheldReferences.length
    ? withheldLines(c.withheldReferences, t)
        .map((l) => `  - ${l}`)
        .join('\n')
    : `  ${t('readme.none')}`
}
${physicalItems(c, t)}
${privacy.length ? `\n${t('readme.privacy', { list: privacy.join('; ') })}\n` : ''}
${t('readme.check', {
  signature: SIGNATURE_FILE,
  publicKey: PUBLIC_KEY_FILE,
  fingerprint,
  ssh: ssh ? sshSection(ssh, t) : '',
  exhibitListName: EXHIBIT_HASHES_FILE.slice(5),
  exhibitListSha256,
})}`;
}
