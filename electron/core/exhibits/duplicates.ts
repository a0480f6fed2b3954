/**
 * The same file twice: an import whose file's SHA-256 is already in the vault (any exhibit of any
 * incident), or twice in one batch, is refused with DUPLICATE_EXHIBIT saying where it already is,
 * unless the user says to add it again (allowDuplicates). The hash is known only once the file is
 * sealed, so the caller removes the batch's blobs when this throws.
 */
import { VaultError } from '../../../shared/errors.js';
import type { ExhibitBody } from '../records/exhibits.js';
import type { IncidentBody } from '../records/incidents.js';
import type { RecordStore } from '../store/store.js';

const UK_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** The earliest exhibit holding each SHA-256 (file exhibits only; kept until an exhibit changes). */
export function exhibitsBySha256(store: RecordStore): Map<string, string> {
  return store.derive('exhibit', 'by-sha256', () => {
    const index = new Map<string, [string, ExhibitBody]>();
    for (const [id, ex] of store.all<ExhibitBody>('exhibit')) {
      if (!ex.sha256 || ex.kind === 'physical') continue;
      const had = index.get(ex.sha256);
      if (!had || ex.importedAt < had[1].importedAt) index.set(ex.sha256, [id, ex]);
    }
    return new Map([...index].map(([sha, [id]]) => [sha, id]));
  });
}

function shortTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** Where an exhibit is, in words: 'AB/3 in "Car keyed", added 12/11/2019'. */
export function whereItIs(store: RecordStore, id: string): string {
  const ex = store.get<ExhibitBody>(id, 'exhibit');
  const incident = store.find<IncidentBody>(ex.incidentId, 'incident');
  const at = new Date(ex.importedAt);
  const parts = [
    ex.ref ? `${ex.ref} in ` : 'in ',
    incident ? `"${shortTitle(incident.title)}"` : 'another incident',
    Number.isNaN(at.getTime()) ? '' : `, added ${UK_DATE.format(at)}`,
  ];
  return parts.join('');
}

/**
 * Throws DUPLICATE_EXHIBIT for the first file of the batch already in the vault or earlier in the batch.
 * `files` are the batch's names and hashes, in order.
 */
export function refuseDuplicates(store: RecordStore, files: readonly { name: string; sha256: string }[]): void {
  const inVault = exhibitsBySha256(store);
  const seen = new Map<string, string>();
  const found: string[] = [];
  for (const f of files) {
    const existing = inVault.get(f.sha256);
    if (existing !== undefined) {
      const was = store.get<ExhibitBody>(existing, 'exhibit').name;
      const as = was === f.name ? '' : ` as "${was}"`;
      found.push(`"${f.name}" is already in the vault${as} (${whereItIs(store, existing)}).`);
    } else {
      const earlier = seen.get(f.sha256);
      if (earlier !== undefined) found.push(`"${f.name}" is the same file as "${earlier}", also being added.`);
      else seen.set(f.sha256, f.name);
    }
  }
  if (found.length === 0) return;
  const n = found.length - 1;
  const more = n > 0 ? ` ${n} more of these files ${n === 1 ? 'is a copy' : 'are copies'} too.` : '';
  throw new VaultError(
    'DUPLICATE_EXHIBIT',
    `${found[0]}${more} Add ${n > 0 ? 'them' : 'it'} again only if you mean to.`,
  );
}

/** For the custody entry of a file added again on purpose: the exhibit it repeats, if any. */
export function duplicateOf(store: RecordStore, sha256: string): string | undefined {
  return exhibitsBySha256(store).get(sha256);
}
