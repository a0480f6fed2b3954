/** The vault's settings record (one per vault), each change in the custody log. */
import { SettingsSchema, type Settings } from '../../../shared/model.js';
import { randomId } from '../crypto/index.js';
import type { RecordStore } from '../store/store.js';
import { parseInput } from './validate.js';

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
  const next = parseInput(SettingsSchema, { ...current, ...patch }, 'settings');
  const changed = (Object.keys(next) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
  );
  const id = found?.[0] ?? randomId();
  store.transact(() => {
    store.put(id, 'settings', next);
    store.appendCustody({ action: 'edit', subjectKind: 'settings', subjectId: id, details: { changed } });
  });
  return next;
}
