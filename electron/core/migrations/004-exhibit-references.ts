/**
 * Migration 4: permanent exhibit references (issue 13). The numbers live inside the encrypted
 * exhibit bodies (plain numbers would show the order exhibits were added in), so the schema step
 * only marks the database as one whose exhibits are numbered: an older Evidence Vault, which would
 * add exhibits without numbers, then refuses it. The numbers themselves are given right after the
 * records load (assignMissingReferences, called by every open): once, in today's chronological
 * order, in one transaction with its activity-log entry. A vault stopped half-way (a full disk)
 * gets them at its next open; an exhibit that already has a number keeps it.
 */
import { VaultError } from '../../../shared/errors.js';
import { assignExhibitNumbers } from '../records/exhibit-refs.js';
import { exhibitsByIncident, type ExhibitBody } from '../records/exhibits.js';
import type { IncidentBody } from '../records/incidents.js';
import { inTimelineOrder } from '../../../shared/timeline.js';
import type { RecordStore } from '../store/store.js';
import type { Migration } from './types.js';

export const migration004: Migration = {
  version: 4,
  description: 'permanent exhibit references: numbers given once, kept in the exhibit records',
  up() {
    // Nothing in SQL: see assignMissingReferences.
  },
};

/**
 * Exhibit ids without a number, in the timeline's order of incidents, then each incident's
 * exhibits in import order; exhibits of an incident that cannot be read come last, by import time.
 */
export function unnumberedInOrder(store: RecordStore): string[] {
  const missing = (id: string): boolean => store.find<ExhibitBody>(id, 'exhibit')?.refNumber === undefined;
  const seen = new Set<string>();
  const out: string[] = [];
  const byIncident = exhibitsByIncident(store);
  // The timeline's order, as records/incidents.ts listIncidents gives it (not imported: that
  // module reaches the store, which runs these migrations).
  const incidents = inTimelineOrder(store.all<IncidentBody>('incident'), ([id, body]) => ({
    id,
    occurredAt: body.occurredAt,
    createdAt: body.createdAt,
  }));
  for (const [incidentId] of incidents) {
    for (const id of byIncident.get(incidentId) ?? []) {
      seen.add(id);
      if (missing(id)) out.push(id);
    }
  }
  for (const ids of byIncident.values()) for (const id of ids) if (!seen.has(id) && missing(id)) out.push(id);
  return out;
}

/**
 * Gives every exhibit without a number its permanent one (and its reference when the initials are
 * set), in chronological order. Returns how many were given; 0 changes nothing.
 */
export function assignMissingReferences(store: RecordStore): number {
  const ids = unnumberedInOrder(store);
  if (ids.length === 0) return 0;
  store.transact(() => {
    const numbers = assignExhibitNumbers(store, ids.length);
    for (const [i, id] of ids.entries()) {
      const n = numbers[i];
      if (!n) throw new VaultError('INTERNAL', 'Exhibit numbers ran out; nothing was changed.');
      store.put(id, 'exhibit', { ...store.get<ExhibitBody>(id, 'exhibit'), ...n } satisfies ExhibitBody);
    }
    const first = numbers[0]?.refNumber ?? 0;
    store.appendCustody({
      action: 'edit',
      subjectKind: 'vault',
      subjectId: null,
      details: { exhibitNumbersGiven: ids.length, from: first, to: first + ids.length - 1 },
    });
  });
  return ids.length;
}
