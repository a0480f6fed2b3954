/**
 * The bin: deleting an incident (with its exhibits), a person, an exhibit or a contact asks for a
 * reason and moves the record to the bin, where it stays restorable for BIN_DAYS days. A binned
 * record keeps its id: its row becomes kind 'binned' (re-encrypted, AEAD bound to the new kind and
 * version) holding the original kind and body, so restoring puts back exactly what was deleted.
 * A binned exhibit's file stays in blobs/ (its blob id stays beside the row: check() counts it as
 * referenced, not an orphan).
 *
 * The activity log keeps a tombstone for every deletion, for good: action 'delete', the subject,
 * the SHA-256 of its canonical record body (sorted-key JSON), the reason and when. Restoring is
 * logged ('restore'); so is the removal for good once the bin time passed ('purge', on open),
 * when the record, its saved versions, its files and any draft of its edit form go. The tombstone
 * stays.
 */
import { createHash } from 'node:crypto';
import { VaultError } from '../../../shared/errors.js';
import { BIN_DAYS, type BinItem, type BinnableKind } from '../../../shared/model.js';
import { now, type RecordStore } from '../store/store.js';
import { draftId } from './drafts.js';
import { purgeRevisions } from './revisions.js';

/** A binned record's body. */
export interface BinnedBody {
  kind: BinnableKind;
  /** The record's body as it was when deleted. */
  body: unknown;
  deletedAt: string;
  reason: string;
  /** SHA-256 (hex) of the canonical JSON of `body`: the tombstone's hash. */
  sha256: string;
  label: string;
  /** An exhibit binned with its incident: the incident's id (it comes back with it, never alone). */
  withIncident?: string;
  /** A person: the incidents that named them, to name them again on restore. */
  unlinked?: { incidentId: string; perpetrator: boolean; witness: boolean }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** JSON with every object's keys sorted: the same record always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of a record body's canonical JSON. */
export function recordSha256(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

/** "28/11/2026" in UK time. */
export function ukDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}

export function expiresAt(deletedAt: string): string {
  return new Date(Date.parse(deletedAt) + BIN_DAYS * DAY_MS).toISOString();
}

/**
 * Moves a record to the bin under its own id (only inside store.transact(); the caller appends
 * the tombstone). Returns the binned body (its sha256 is the tombstone's hash).
 */
export function binRecord(
  store: RecordStore,
  id: string,
  kind: BinnableKind,
  body: unknown,
  how: { reason: string; label: string; deletedAt?: string; withIncident?: string; unlinked?: BinnedBody['unlinked'] },
): BinnedBody {
  const binned: BinnedBody = {
    kind,
    body,
    deletedAt: how.deletedAt ?? now(),
    reason: how.reason,
    sha256: recordSha256(body),
    label: how.label,
    ...(how.withIncident ? { withIncident: how.withIncident } : {}),
    ...(how.unlinked && how.unlinked.length > 0 ? { unlinked: how.unlinked } : {}),
  };
  store.put(id, 'binned', binned);
  return binned;
}

/** A reason as the core takes it: trimmed, 1 to 2000 characters. */
export function checkReason(reason: unknown): string {
  const r = typeof reason === 'string' ? reason.trim() : '';
  if (r.length === 0 || r.length > 2000) {
    throw new VaultError(
      'INVALID_INPUT',
      'Say why it is being deleted (a few words, at most 2000 characters): the activity log keeps the reason.',
    );
  }
  return r;
}

function toItem(store: RecordStore, id: string, b: BinnedBody): BinItem {
  const item: BinItem = {
    id,
    kind: b.kind,
    label: b.label,
    deletedAt: b.deletedAt,
    reason: b.reason,
    expiresAt: expiresAt(b.deletedAt),
  };
  if (b.kind === 'incident') item.exhibits = exhibitsBinnedWith(store, id).length;
  return item;
}

/** The exhibits binned together with an incident. */
export function exhibitsBinnedWith(store: RecordStore, incidentId: string): [string, BinnedBody][] {
  return store.all<BinnedBody>('binned').filter(([, b]) => b.withIncident === incidentId);
}

/** What is in the bin, most recently deleted first (exhibits that went with an incident are counted in it). */
export function listBin(store: RecordStore): BinItem[] {
  return store
    .all<BinnedBody>('binned')
    .filter(([, b]) => !b.withIncident)
    .map(([id, b]) => toItem(store, id, b))
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || a.id.localeCompare(b.id));
}

/** The binned body of id, restorable now: NOT_FOUND if the bin has no such item, INVALID_INPUT if its time passed. */
export function restorable(store: RecordStore, id: string): BinnedBody {
  const b = store.find<BinnedBody>(id, 'binned');
  if (!b) {
    throw new VaultError(
      'NOT_FOUND',
      `There is nothing in the bin with id ${id}: it may have been removed for good after ${BIN_DAYS} days (the activity log keeps its record of the deletion).`,
    );
  }
  if (b.withIncident) {
    throw new VaultError(
      'INVALID_INPUT',
      `This exhibit was deleted with its incident ${b.withIncident}: restore the incident, and its exhibits come back with it.`,
    );
  }
  if (Date.parse(now()) > Date.parse(expiresAt(b.deletedAt))) {
    throw new VaultError(
      'INVALID_INPUT',
      `"${b.label}" was deleted on ${ukDate(b.deletedAt)} and its ${BIN_DAYS} days in the bin have passed, so it can no longer be restored; nothing was changed (the activity log keeps its record of the deletion).`,
    );
  }
  return b;
}

export function binItem(store: RecordStore, id: string): BinItem {
  return toItem(store, id, store.get<BinnedBody>(id, 'binned'));
}

/**
 * Removes for good what has been in the bin longer than BIN_DAYS (one transaction, a 'purge'
 * entry for each item; its versions go with it). Returns the blob ids to remove after the commit.
 */
export function purgeExpired(store: RecordStore): string[] {
  const cutoff = Date.parse(now());
  const due = store
    .all<BinnedBody>('binned')
    .filter(([, b]) => !b.withIncident && Date.parse(expiresAt(b.deletedAt)) < cutoff);
  if (due.length === 0) return [];
  const blobIds: string[] = [];
  store.transact(() => {
    for (const [id, b] of due) {
      const parts: [string, BinnedBody][] = [[id, b], ...(b.kind === 'incident' ? exhibitsBinnedWith(store, id) : [])];
      // A draft of a form about it holds its words too: its edit form, an exhibit's account, a
      // physical item being added to the incident.
      const draftKeys = [`${b.kind}:${id}`, ...(b.kind === 'incident' ? [`physical:${id}`] : [])];
      for (const [pid, pb] of parts) {
        const blobId = (pb.body as { blobId?: unknown }).blobId;
        if (pb.kind === 'exhibit' && typeof blobId === 'string') blobIds.push(blobId);
        if (pid !== id) draftKeys.push(`${pb.kind}:${pid}`);
        purgeRevisions(store, pid);
        store.remove(pid);
      }
      for (const key of draftKeys) {
        const draft = draftId(store, key);
        if (store.find(draft, 'draft')) store.remove(draft);
      }
      store.appendCustody({
        action: 'purge',
        subjectKind: b.kind,
        subjectId: id,
        details: {
          deletedAt: b.deletedAt,
          sha256: b.sha256,
          ...(parts.length > 1 ? { exhibits: parts.length - 1 } : {}),
        },
      });
    }
  });
  return blobIds;
}
