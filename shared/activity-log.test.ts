/** The activity log as sentences (issue 15, item 6): UK time, what was done to what, in words. */
import { describe, expect, it } from 'vitest';
import type { CustodyEntry } from './model.js';
import { activityLine, activitySentence } from './activity-log.js';

const entry = (e: Partial<CustodyEntry>): CustodyEntry => ({
  seq: 1,
  at: '2019-11-12T20:31:00.000Z',
  action: 'create',
  subjectKind: 'vault',
  subjectId: null,
  details: {},
  ...e,
});
const X = 'a'.repeat(32);
const I = 'b'.repeat(32);

describe('the activity log, in sentences', () => {
  it('"Tue 12/11/2019 20:31 — you added the screenshot JS/1": UK time, the exhibit by what it is and its reference', () => {
    const e = entry({
      action: 'import',
      subjectKind: 'exhibit',
      subjectId: X,
      details: { name: 'post-1.png', mediaType: 'image/png', sha256: 'f'.repeat(64), incidentId: I },
    });
    const names = {
      exhibit: (id: string) => (id === X ? { ref: 'JS/1', name: 'post-1.png', noun: 'screenshot' } : undefined),
      incident: (id: string) => (id === I ? 'Leaflets torn down' : undefined),
    };
    expect(activityLine(e, names)).toBe(
      'Tue 12/11/2019 20:31 — you added the screenshot JS/1 (“post-1.png”) to “Leaflets torn down”',
    );
    // In summer, BST; with nothing left in the vault to name it, what the entry kept.
    expect(activityLine({ ...e, at: '2019-07-16T20:31:00Z' })).toBe(
      'Tue 16/07/2019 21:31 — you added the picture (“post-1.png”)',
    );
  });

  it('every kind of entry reads as a sentence, never as ids or codes', () => {
    const cases: [Partial<CustodyEntry>, string][] = [
      [{ action: 'create' }, 'you created this vault'],
      [{ action: 'unlock', details: { method: 'passphrase' } }, 'you unlocked the vault'],
      [{ action: 'unlock', details: { method: 'recovery-key' } }, 'you unlocked the vault with the recovery key'],
      [{ action: 'passphrase-change' }, 'you changed the passphrase'],
      [
        { action: 'edit', details: { recoveryKey: 'replaced' } },
        'you made a new recovery key (the old one no longer works)',
      ],
      [{ action: 'check', details: { ok: true, problems: 0 } }, 'you checked the vault: all is well'],
      [{ action: 'check', details: { ok: false, problems: 2 } }, 'you checked the vault: 2 problems found'],
      [
        { action: 'create', subjectKind: 'incident', subjectId: I, details: { title: 'Egg thrown' } },
        'you recorded the incident “Egg thrown”',
      ],
      [
        {
          action: 'edit',
          subjectKind: 'incident',
          subjectId: I,
          details: { title: 'Egg thrown', changed: ['location', 'description'] },
        },
        'you changed the incident “Egg thrown” (place, what happened)',
      ],
      [
        {
          action: 'delete',
          subjectKind: 'incident',
          subjectId: I,
          details: { title: 'Egg thrown', reason: 'Entered twice', sha256: 'f'.repeat(64) },
        },
        'you deleted the incident “Egg thrown”, because: “Entered twice” (kept in the bin for 30 days)',
      ],
      [
        { action: 'restore', subjectKind: 'case', subjectId: X, details: { reference: '46/1234/24' } },
        'you restored police case 46/1234/24 from the bin',
      ],
      [
        {
          action: 'edit',
          subjectKind: 'case',
          subjectId: X,
          details: { reference: 'R1', changed: ['incidentIds'], linked: [I, X] },
        },
        'you added 2 incidents to police case R1',
      ],
      [
        { action: 'export', subjectKind: 'pack', details: { packId: 'EVP-20191112-0A1B2C3D', exhibits: 3 } },
        'you made the case pack EVP-20191112-0A1B2C3D with 3 exhibits',
      ],
      [
        { action: 'view', subjectKind: 'exhibit', subjectId: X, details: { name: 'letter.pdf' } },
        'you opened the file (“letter.pdf”)',
      ],
      [
        { action: 'purge', subjectKind: 'contact', subjectId: X, details: {} },
        'a contact was removed for good after 30 days in the bin',
      ],
      [
        { action: 'edit', subjectKind: 'person', subjectId: X, details: { changed: ['basis'] } },
        'you changed the details of a person (why I believe these are the same person)',
      ],
    ];
    for (const [e, want] of cases) {
      const said = activitySentence(entry(e));
      expect(said).toBe(want);
      expect(said).not.toMatch(/[0-9a-f]{32}|sha256|subjectKind|incidentIds/);
    }
  });
});
