/** data/README.txt: what the pack is and how to check it, in plain English. */
import { humanBytes, type CaseFile } from './casefile.js';
import { withheldLines } from './contents.js';
import { groupHex } from '../../../shared/format.js';
import { ukInstant } from './pdf/when.js';
import { SSHSIG_NAMESPACE, SSH_PRINCIPAL } from './sshsig.js';

export const SIGNATURE_FILE = 'tagmanifest-sha256.txt.sig';
export const PUBLIC_KEY_FILE = 'signing-key.pem';
/** The same signature in OpenSSH's SSHSIG format (./sshsig.ts), and the key in OpenSSH form. */
export const SSH_SIGNATURE_FILE = 'tagmanifest-sha256.txt.sshsig';
export const SSH_PUBLIC_KEY_FILE = 'signing-key.pub';
export const EXHIBIT_HASHES_FILE = 'data/exhibit-hashes-sha256.txt';

/** The physical items listed in the pack (issue 13): no file, where each is kept. */
function physicalItems(c: CaseFile): string {
  const items = c.exhibits.filter((x) => x.physical);
  if (items.length === 0) return '';
  const lines = items.map(
    (x) => `  - ${x.ref} "${x.originalName}": physical item, kept at ${x.physical?.keptAt ?? ''}`,
  );
  return `\nPhysical items (listed here, with no file in the pack: ask the producer to see them):\n${lines.join('\n')}\n`;
}

/** The SSH signature's part of the README: how to check it with ssh-keygen -Y verify. */
export interface ReadmeSsh {
  /** The allowed_signers line (sshsig.ts allowedSignersLine). */
  allowedSigners: string;
  /** SHA256:base64, as ssh-keygen prints the key. */
  sshFingerprint: string;
}

function sshSection(ssh: ReadmeSsh): string {
  return `
The same signature in SSH form is ${SSH_SIGNATURE_FILE} (namespace ${SSHSIG_NAMESPACE}), with the
key in OpenSSH form in ${SSH_PUBLIC_KEY_FILE}. ssh-keygen, which Windows 10/11, macOS and Linux
have, checks it. Save this one line as a file named allowed_signers in the pack's folder:
    ${ssh.allowedSigners}
then run:
    ssh-keygen -Y verify -f allowed_signers -I ${SSH_PRINCIPAL} -n ${SSHSIG_NAMESPACE} -s ${SSH_SIGNATURE_FILE} < tagmanifest-sha256.txt
  (in PowerShell, which has no "<", put the same command in: cmd /c "...")
It must say: Good "${SSHSIG_NAMESPACE}" signature for ${SSH_PRINCIPAL} with ED25519 key ${ssh.sshFingerprint}
`;
}

export function readmeText(c: CaseFile, exhibitListSha256: string, ssh?: ReadmeSsh): string {
  const who = c.producer.name || 'the person who keeps this record';
  const omitted = c.omittedExhibits.length
    ? c.omittedExhibits
        .map(
          (o) =>
            `  - ${o.ref ?? '(no reference)'} "${o.name}": ${
              o.reason === 'damaged'
                ? 'left out because the stored copy failed its SHA-256 check (damaged)'
                : o.reason === 'gps-position'
                  ? 'left out by the producer because the image holds a GPS position'
                  : 'left out by the producer'
            }`,
        )
        .join('\n')
    : '  (none)';
  const privacy: string[] = [];
  if (c.privacy.notesLeftOut) privacy.push('the producer’s private notes were left out');
  if (c.privacy.privateFieldsLeftOut) privacy.push('fields and people the producer marked private were left out');
  return `CASE PACK ${c.packId}
${'='.repeat(10 + c.packId.length)}

What this is
------------
A record of incidents kept by ${who} with Evidence Vault, exported on ${ukInstant(c.createdAt)}
for the police or the Crown Prosecution Service. It holds ${c.counts.incidents} incident(s) and
${c.counts.exhibits} exhibit(s) (${humanBytes(c.counts.exhibitBytes)} of evidence files).

It is a BagIt 1.0 bag (RFC 8493): every file under data/ is listed with its SHA-256 hash in
manifest-sha256.txt, and the bag's own files are listed in tagmanifest-sha256.txt.

  data/chronology.pdf   for printing: the summary for police, the course-of-conduct table, the
                        incidents oldest first, the people, the exhibit list with SHA-256 hashes,
                        a statement aid (not a statement), the activity log and a disclosure note
  data/exhibit-bundle.pdf
                        each exhibit drawn on its own labelled pages for reading and printing
                        (a copy rendered for reading: the files in data/exhibits/ are the evidence)
  data/chronology.csv   the same incidents, one row per incident, for a spreadsheet
  data/case.json        the same, machine-readable (schema: evidence-vault-case-pack v1)
  data/exhibits/        the exhibits, each named by its exhibit reference (AB-01-... is exhibit
                        AB/1). Each exhibit file is byte-for-byte the file imported into Evidence
                        Vault on the date shown in chronology.pdf. Screenshots, scans and exports
                        are copies the producer made; the original posts, messages, letters and
                        devices are not in this pack.
  data/custody/         the Evidence Vault activity log of this pack's incidents and exhibits:
                        kept by the producer's own software, not an independent record. It lists
                        imports (under which original name, with the hash at import), views,
                        edits, deletions and exports
  data/viewer.html      an offline viewer: open it in any web browser (it uses no network),
                        then choose this pack's folder to see the timeline and check every hash
  data/key-card.pdf     the producer's key card: the signing key's fingerprint in large type and as a QR code
  ${EXHIBIT_HASHES_FILE}
                        the exhibits and custody files with their hashes (see below)

Exhibit references are the producer's initials and a number (${c.producer.initials}/1, ${c.producer.initials}/2, ...), given once
when each exhibit was added and never reused: the same reference names the same item in every
pack. An e-mail's attachments are listed under it as sub-exhibits (${c.producer.initials}/5/1 is the first
attachment of e-mail ${c.producer.initials}/5), with their SHA-256; they stay inside the e-mail's file.
File names were made safe for Windows; the original file names are in case.json,
chronology.pdf and the activity log.

Types of incident ("Harassment", "Threatening behaviour" ...) and who is "believed responsible"
are the producer's own description and belief, not legal findings.

Exhibits not included:
${omitted}

References not in this pack:
${
  c.withheldReferences.length
    ? withheldLines(c.withheldReferences)
        .map((l) => `  - ${l}`)
        .join('\n')
    : '  (none)'
}
${physicalItems(c)}
${privacy.length ? `\nAt the producer's request ${privacy.join('; ')}.\n` : ''}
How to check that nothing has changed
-------------------------------------
Open a terminal in the pack's folder (the one holding bagit.txt).

Linux or macOS:
    sha256sum -c manifest-sha256.txt
    sha256sum -c tagmanifest-sha256.txt
  (on older macOS use "shasum -a 256 -c" instead of "sha256sum -c"). Every line must say OK.

Windows (PowerShell; -Encoding UTF8 reads the manifest's file names as they are written):
    Get-Content -Encoding UTF8 manifest-sha256.txt | ForEach-Object {
      $hash, $file = $_ -split ' +', 2
      if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -ne $hash.ToUpper()) { "CHANGED: $file" }
    }
  No output means every file matches. For one file: Get-FileHash -Algorithm SHA256 <file>

Any BagIt validator, for example the Library of Congress bagit-python:
    bagit.py --validate <pack folder>

Evidence Vault itself:
    evidence-vault verify <pack folder or .zip>

The signature
-------------
tagmanifest-sha256.txt is signed with the producer's Evidence Vault signing key (Ed25519).
The signature is ${SIGNATURE_FILE} and the public key is ${PUBLIC_KEY_FILE}.
Signing key fingerprint (SHA-256 of the 32-byte public key):
    ${groupHex(c.signingKey.fingerprintSha256)}
Ask the producer to read this fingerprint to you by another route if you need to be sure the
pack came from them. To check the signature with OpenSSL 3:
    openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_FILE} -rawin \\
      -in tagmanifest-sha256.txt -sigfile ${SIGNATURE_FILE}
Because tagmanifest-sha256.txt lists manifest-sha256.txt with its hash, and manifest-sha256.txt
lists every file under data/, one valid signature covers every file of the pack.
${ssh ? sshSection(ssh) : ''}
A valid signature shows the pack is unchanged since it was signed with the key whose fingerprint is
    ${groupHex(c.signingKey.fingerprintSha256)}
It does not by itself show who made the pack or when, nor that what the exhibits show is true.
data/key-card.pdf is a copy of the producer's key card; compare the fingerprint with the card
the producer handed to the police at the first report, or with one given by another route.

Why the PDF shows the exhibit list's hash and not the tag manifest's
--------------------------------------------------------------------
The chronology PDF is itself one of the files listed in manifest-sha256.txt, which is listed
in tagmanifest-sha256.txt. A file cannot contain the hash of a file that depends on its own
hash, so the pack is made in this order: (1) the exhibits and activity log; (2) the list of
their hashes, ${EXHIBIT_HASHES_FILE.slice(5)}, whose SHA-256 is printed on the PDF's cover
page; (3) the PDF, CSV, case.json, this README and the viewer; (4) manifest-sha256.txt
over all of data/; (5) bagit.txt, bag-info.txt and tagmanifest-sha256.txt; (6) the signature.
The SHA-256 of this pack's exhibit list is:
    ${exhibitListSha256}
To check it:  cd data && sha256sum -c ${EXHIBIT_HASHES_FILE.slice(5)}
The SHA-256 of tagmanifest-sha256.txt and, for a ZIP, of the whole ZIP file were shown to the
producer as a receipt when the pack was made; a ZIP's own SHA-256 is also written beside it
in <name>.zip.sha256 (check with: sha256sum -c <name>.zip.sha256).
`;
}
