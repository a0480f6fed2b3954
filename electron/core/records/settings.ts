/** The vault's settings record (one per vault), each change in the custody log. */
import { VaultError } from '../../../shared/errors.js';
import { SettingsSchema, type Settings } from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import type { RecordStore } from '../store/store.js';
import { freezeReferences, REF_INITIALS } from './exhibit-refs.js';
import { parseInput } from './validate.js';

/**
 * Initials as given (spaces around them dropped, small letters made capitals): 1 to 5 letters
 * A-Z, or '' for none. Anything else is refused in one line, and nothing is changed.
 */
export function normaliseInitials(given: string): string {
  const initials = given.trim().toUpperCase();
  if (initials === '' || REF_INITIALS.test(initials)) return initials;
  throw new VaultError(
    'INVALID_INPUT',
    `Initials "${given}" cannot be used: give 1 to 5 letters A to Z, e.g. AB (no dots, digits, spaces or accents).`,
  );
}

function settingsEntry(store: RecordStore): [string, Settings] | null {
  return store.all<Settings>('settings')[0] ?? null;
}

/** The settings of a new vault (written by its first transaction). */
export function putDefaultSettings(store: RecordStore): void {
  store.put(randomId(), 'settings', SettingsSchema.parse({}));
}

export function getSettings(store: RecordStore): Settings {
  const found = settingsEntry(store);
  if (!found) store.throwIfDamaged('settings');
  return SettingsSchema.parse(found?.[1] ?? {});
}

export function updateSettings(store: RecordStore, patch: Partial<Settings>): Settings {
  const found = settingsEntry(store);
  if (!found) store.throwIfDamaged('settings');
  const current = SettingsSchema.parse(found?.[1] ?? {});
  if (typeof patch.producerInitials === 'string') {
    patch = { ...patch, producerInitials: normaliseInitials(patch.producerInitials) };
  }
  const next = parseInput(SettingsSchema, { ...current, ...patch }, 'settings');
  const changed = (Object.keys(next) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
  );
  const id = found?.[0] ?? randomId();
  store.transact(() => {
    store.put(id, 'settings', next);
    store.appendCustody({ action: 'edit', subjectKind: 'settings', subjectId: id, details: { changed } });
    // Exhibits numbered while no initials were set take these for good (later changes leave them).
    const given = changed.includes('producerInitials') ? freezeReferences(store, next.producerInitials) : 0;
    if (given > 0) {
      store.appendCustody({
        action: 'edit',
        subjectKind: 'vault',
        subjectId: null,
        details: { exhibitReferencesGiven: given, initials: next.producerInitials },
      });
    }
  });
  return next;
}
