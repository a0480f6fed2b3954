/**
 * Whether a ZIP archive is a ProofMode bundle (a photo or video with its proof.json and OpenPGP .asc
 * signatures): its entry names only, from the archive's central directory (yauzl). Nothing is extracted
 * and nothing is verified.
 */
import yauzl from 'yauzl';

/** Archives up to this size are looked into; larger ones are left alone (no problem line: most ZIPs are not bundles). */
export const ZIP_MAX_BYTES = 64 << 20;
const MAX_ENTRIES = 10_000;

/** The entry names of a ZIP archive held in memory (at most MAX_ENTRIES); rejects when it is not a readable archive. */
function entryNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: false }, (err, zip) => {
      if (err) {
        reject(err);
        return;
      }
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        if (names.length >= MAX_ENTRIES) {
          zip.close();
          resolve(names);
        } else zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export async function isProofModeBundle(bytes: Buffer): Promise<boolean> {
  let names: string[];
  try {
    names = await entryNames(bytes);
  } catch {
    return false;
  }
  const lower = names.map((n) => n.toLowerCase());
  return lower.some((n) => n.endsWith('proof.json')) && lower.some((n) => n.endsWith('.asc'));
}
