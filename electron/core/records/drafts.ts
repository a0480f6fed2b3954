/**
 * Drafts: what a form holds before it is saved, autosaved so a half-written account survives a
 * click away, "Use the full form" or the vault locking. One 'draft' record per form key
 * ('incident:new', 'incident:<id>', 'quick-add'), encrypted like every record (AEAD under the
 * records subkey); never plaintext on disk. Its record id is a keyed hash of the key (the audit
 * subkey), so the same form finds its draft again while the database shows neither the key nor
 * which incident it is about.
 *
 * A draft is NOT the record: saving one changes no incident and writes no custody entry (an entry
 * per keystroke would bury the log). The record changes, with its version and its entry, only when
 * the form is saved; the form then discards its draft.
 *
 * A draft that fails to decrypt is never dropped silently: drafts.list names it (damaged: true)
 * and drafts.get says so; discarding it removes it.
 */
import { VaultError } from '../../../shared/errors.js';
import { MAX_DRAFT_BYTES, type Draft, type DraftInfo } from '../../../shared/model.js';
import { mac, toHex, utf8 } from '../crypto/index.js';
import { now, type RecordStore } from '../store/store.js';

interface DraftBody {
  key: string;
  text: string;
  savedAt: string;
}

/** The record id of a form's draft: keyed BLAKE2b of the key, 32 hex digits like any record id. */
export function draftId(store: RecordStore, key: string): string {
  return toHex(mac(store.keys.audit, [utf8(`evidence-vault draft id|${key}`)])).slice(0, 32);
}

function damagedMessage(id: string): string {
  return `A saved draft (${id}) failed authentication: it is damaged or was altered and cannot be read. Discard it, then write the form again.`;
}

/** The form's draft, or null when it has none; TAMPERED (in plain words) when it fails to decrypt. */
export function getDraft(store: RecordStore, key: string): Draft | null {
  store.requireOpen();
  const id = draftId(store, key);
  if (store.damagedRecords().some((d) => d.id === id)) throw new VaultError('TAMPERED', damagedMessage(id));
  const body = store.find<DraftBody>(id, 'draft');
  return body ? { key: body.key, text: body.text, savedAt: body.savedAt } : null;
}

/**
 * Saves (replaces) the form's draft: JSON text of at most MAX_DRAFT_BYTES. A damaged draft under
 * the same key is replaced too: the form's new text is what matters.
 */
export function saveDraft(store: RecordStore, key: string, text: string): Draft {
  store.requireOpen();
  if (Buffer.byteLength(text, 'utf8') > MAX_DRAFT_BYTES) {
    throw new VaultError('INVALID_INPUT', 'The draft is larger than 1 MiB; save the form instead.');
  }
  try {
    JSON.parse(text);
  } catch {
    throw new VaultError('INVALID_INPUT', 'A draft must be JSON text (the form state as the window saves it).');
  }
  const id = draftId(store, key);
  const body: DraftBody = { key, text, savedAt: now() };
  store.transact(() => {
    if (store.damagedRecords().some((d) => d.id === id)) store.removeDamaged(id);
    store.put(id, 'draft', body);
  });
  return { ...body };
}

/** Removes the form's draft (damaged or not); nothing when it has none. */
export function discardDraft(store: RecordStore, key: string): void {
  store.requireOpen();
  const id = draftId(store, key);
  const damaged = store.damagedRecords().some((d) => d.id === id);
  if (!damaged && !store.find(id, 'draft')) return;
  store.transact(() => (damaged ? store.removeDamaged(id) : store.remove(id)));
}

/** Removes a draft named by its record id (a damaged one, listed without its key); nothing when there is none. */
export function discardDraftById(store: RecordStore, id: string): void {
  store.requireOpen();
  const damaged = store.damagedRecords().some((d) => d.id === id && d.kind === 'draft');
  if (!damaged && !store.find(id, 'draft')) return;
  store.transact(() => (damaged ? store.removeDamaged(id) : store.remove(id)));
}

/** Every draft, newest first; damaged ones named (by record id: their key cannot be read). */
export function listDrafts(store: RecordStore): DraftInfo[] {
  const ok: DraftInfo[] = store
    .all<DraftBody>('draft')
    .map(([, b]) => ({ key: b.key, savedAt: b.savedAt, bytes: Buffer.byteLength(b.text, 'utf8') }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.key.localeCompare(b.key));
  const damaged: DraftInfo[] = store
    .damagedRecords()
    .filter((d) => d.kind === 'draft')
    .map((d) => ({ key: null, id: d.id, damaged: true, message: damagedMessage(d.id) }));
  return [...damaged, ...ok];
}
