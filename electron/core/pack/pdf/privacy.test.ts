/**
 * What the producer leaves out stays out of the new parts of the PDF (issue 14): earlier wordings
 * of a private field or of notes, a private witness's contact and what they saw, the names of
 * withheld fields in the activity log. A real vault, read back with pdftotext.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_KDF, Vault } from '../../index.js';
import type { VaultApi } from '../../api.js';
import { exportPack } from '../exporter.js';
import { cleanup, PASS, run, tempDir } from '../../../../test/support/pack.js';

let vault: VaultApi;
let text = '';
let raw = '';

beforeAll(async () => {
  ({ vault } = await Vault.create(path.join(tempDir(), 'vault'), PASS, { kdf: TEST_KDF }));
  vault.updateSettings({ producerName: 'Jane Smith', producerInitials: 'JS' });
  const secret = vault.createPerson({
    name: 'SECRET-WITNESS-NAME',
    role: 'witness',
    private: true,
    contact: 'SECRET-WITNESS-PHONE',
    sawWhat: 'SECRET-WITNESS-SAW',
  });
  const i = vault.createIncident({
    title: 'Man at the door',
    occurredAt: { date: '2019-11-20' },
    location: 'SECRET-OLD-ADDRESS',
    notes: 'SECRET-OLD-NOTE',
    witnessIds: [secret.id],
    privateFields: ['location'],
  });
  vault.updateIncident(i.id, {
    title: 'Man at the door',
    occurredAt: i.occurredAt,
    location: 'SECRET-NEW-ADDRESS',
    notes: 'SECRET-NEW-NOTE',
    description: 'He knocked twice.',
    witnessIds: [secret.id],
    privateFields: ['location'],
  });
  const out = path.join(tempDir(), 'pack');
  await exportPack(vault, { out, omitPrivate: true, omitNotes: true, recipient: 'PC Patel' });
  text = (await run('pdftotext', ['-layout', 'data/chronology.pdf', '-'], out)).stdout.replace(/\s+/g, ' ');
  raw = (await run('pdftotext', ['-raw', 'data/chronology.pdf', '-'], out)).stdout.replace(/\s+/g, ' ');
});

afterAll(() => {
  vault?.close();
  cleanup();
});

it('leaves private fields, notes and private people out of every section, earlier wordings and the activity log too', () => {
  for (const t of [text, raw]) {
    expect(t).not.toMatch(/SECRET-/);
  }
  expect(text).toContain('Left out at the producer’s request: where it happened');
  expect(text).toContain('W1: witness, withheld at the producer’s request');
  // The change to the description is shown; the place and the notes, left out, are not named.
  expect(raw).toContain('Fields changed: what happened');
  expect(raw).not.toMatch(/Fields changed: [^.]*place/);
  expect(raw).not.toMatch(/Fields changed: [^.]*notes/);
  expect(text).toContain('Annex: earlier wordings');
  expect(text).toContain('What happened: Nothing recorded');
});
