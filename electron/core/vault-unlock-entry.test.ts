/**
 * A command that fails leaves no 'unlock' custody entry: with deferUnlockEntry the entry is held
 * back until the first action commits (it goes first in that transaction) or recordUnlock().
 */
import { afterAll, describe, expect, test } from 'vitest';
import { PASS, cleanupTemp, errorOf, incident, newVault } from '../../test/support/core.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

async function actions(dir: string): Promise<string[]> {
  const v = await Vault.open(dir, { passphrase: PASS });
  const log = v.custodyLog().map((e) => `${e.action} ${e.subjectKind}`);
  v.close();
  return log.slice(0, -1); // without this look's own unlock
}

describe('the unlock entry of a command', () => {
  test('a command that fails before doing anything leaves no unlock entry', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const before = await actions(dir);
    const v = await Vault.open(dir, { passphrase: PASS }, { deferUnlockEntry: true });
    expect((await errorOf(() => v.getIncident('ab'.repeat(16)))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => v.createIncident({ title: '', occurredAt: incident('x').occurredAt }))).code).toBe(
      'INVALID_INPUT',
    );
    v.close();
    expect(await actions(dir)).toEqual([...before, 'unlock vault']); // only the previous look's
  });

  test('the first action that commits carries the unlock entry first', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const before = await actions(dir);
    const v = await Vault.open(dir, { passphrase: PASS }, { deferUnlockEntry: true });
    v.createIncident(incident('After a deferred unlock'));
    v.recordUnlock(); // already recorded: nothing more
    v.close();
    expect(await actions(dir)).toEqual([...before, 'unlock vault', 'unlock vault', 'create incident']);
  });

  test('recordUnlock() records it for a command that only reads; check stays clean', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const before = await actions(dir);
    const v = await Vault.open(dir, { passphrase: PASS }, { deferUnlockEntry: true });
    v.listIncidents();
    v.recordUnlock();
    v.recordUnlock();
    expect((await v.check()).problems).toEqual([]);
    v.close();
    expect(await actions(dir)).toEqual([...before, 'unlock vault', 'unlock vault', 'check vault']);
  });
});
