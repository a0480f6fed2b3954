/** The one selection of a case pack (shared/selection.ts), and the schema that refuses a back-to-front range. */
import { describe, expect, it } from 'vitest';
import { PackOptionsSchema, PackSelectionSchema, packName } from './ipc-pack.js';
import type { Incident } from './model.js';
import { PRIVATE_CHOICES, PRIVATE_FIELDS, privateFieldShown } from './privacy.js';
import { selectIncidents, selectionProblem } from './selection.js';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const C = 'c'.repeat(32);
const P = 'd'.repeat(32);

function incident(id: string, date: string, extra: Partial<Incident> = {}): Incident {
  return {
    id,
    occurredAt: { date, approximate: false },
    categories: [],
    perpetratorIds: [],
    witnessIds: [],
    ...extra,
  } as unknown as Incident;
}

const all = [
  incident(C, '2024-07-01', { categories: ['criminal-damage'] }),
  incident(A, '2024-05-03', { categories: ['online-abuse'], perpetratorIds: [P] }),
  incident(B, '2024-06-10', { witnessIds: [P] }),
];

describe('selectIncidents', () => {
  it('every incident, oldest first, when nothing is given', () => {
    expect(selectIncidents(all, {}).map((i) => i.id)).toEqual([A, B, C]);
  });
  it('every given criterion holds: dates inclusive, any category, the person either way, ids', () => {
    expect(selectIncidents(all, { from: '2024-06-10' }).map((i) => i.id)).toEqual([B, C]);
    expect(selectIncidents(all, { to: '2024-06-10' }).map((i) => i.id)).toEqual([A, B]);
    expect(selectIncidents(all, { categories: ['criminal-damage', 'online-abuse'] }).map((i) => i.id)).toEqual([A, C]);
    expect(selectIncidents(all, { personIds: [P] }).map((i) => i.id)).toEqual([A, B]);
    expect(selectIncidents(all, { personIds: [P], from: '2024-06-01' }).map((i) => i.id)).toEqual([B]);
    expect(selectIncidents(all, { incidentIds: [C, A] }).map((i) => i.id)).toEqual([A, C]);
  });
});

describe('the date range rule', () => {
  it('is one sentence, and the schema refuses with it', () => {
    expect(selectionProblem({ from: '2024-05-01', to: '2024-05-01' })).toBeNull();
    expect(selectionProblem({ from: '2024-06-01', to: '2024-05-01' })).toBe(
      'The date range is back to front: 2024-06-01 is after 2024-05-01.',
    );
    const r = PackSelectionSchema.safeParse({ from: '2024-06-01', to: '2024-05-01' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toMatch(/back to front/);
    expect(PackOptionsSchema.safeParse({ selection: { from: '2024-06-01', to: '2024-05-01' } }).success).toBe(false);
  });
});

describe('names and private fields', () => {
  it('pack names: initials, day, a number from the second on, .zip for a ZIP', () => {
    expect(packName('AB', '2024-05-03')).toBe('case-pack-AB-2024-05-03');
    expect(packName('AB', '2024-05-03', { n: 2, zip: true })).toBe('case-pack-AB-2024-05-03-2.zip');
  });
  it('the editor offers only fields the exporter withholds', () => {
    for (const c of PRIVATE_CHOICES) expect(PRIVATE_FIELDS).toContain(c.id);
    expect(privateFieldShown('witnessIds')).toBe('who saw it');
    expect(privateFieldShown('title')).toBe('title');
  });
});
