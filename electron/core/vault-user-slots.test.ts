/**
 * A second person's passphrase (issue 15, item 4: the candidate's agent): added with the owner's
 * current passphrase, wrapping the same master key; either passphrase unlocks; the header MAC
 * holds; the owner's passphrase change leaves it working; removing it (the owner only) stops it
 * working; the owner's own slot and the recovery key cannot be removed; vault.json names nobody;
 * and once there are two people, each version, exhibit and activity-log entry says who made it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CHEAP,
  PASS,
  cleanupTemp,
  codeOf,
  errorOf,
  incident,
  newVault,
  snapshot,
  tempDir,
} from '../../test/support/core.js';
import { TEST_KDF } from './crypto/index.js';
import { HEADER_FILE } from './keys/header.js';
import { Vault } from './vault.js';

afterAll(cleanupTemp);

const AGENT = 'tulip harbour lantern seventy';
const AGENT_NAME = 'Sam Agent (agent)';

async function withAgent() {
  const made = await newVault();
  const slot = await made.vault.addSlot(AGENT_NAME, AGENT, PASS, TEST_KDF);
  return { ...made, slot };
}

describe('a second passphrase slot', () => {
  test('added with the owner passphrase: listed, either passphrase unlocks, the header MAC holds', async () => {
    const { vault, dir, slot, recoveryKey } = await withAgent();
    expect(slot).toMatchObject({ kind: 'person', name: AGENT_NAME, current: false });
    expect(vault.listSlots().map((s) => [s.id === slot.id ? 'agent' : s.id, s.kind, s.current])).toEqual([
      ['owner', 'owner', true],
      ['agent', 'person', false],
      ['recovery', 'recovery', false],
    ]);
    vault.close();
    // vault.json names nobody: the name is sealed.
    const text = readFileSync(join(dir, HEADER_FILE), 'utf8');
    expect(text).not.toContain('Sam');
    expect(text).not.toContain('agent');
    for (const secret of [{ passphrase: PASS }, { passphrase: AGENT }, { recoveryKey }]) {
      const v = await Vault.open(dir, secret);
      expect(v.openWarnings()).toEqual([]);
      expect((await v.check()).problems.filter((p) => p.kind === 'header')).toEqual([]);
      v.close();
    }
    const asAgent = await Vault.open(dir, { passphrase: AGENT });
    expect(asAgent.listSlots().find((s) => s.current)).toMatchObject({ id: slot.id, name: AGENT_NAME });
    asAgent.close();
    expect(await codeOf(() => Vault.open(dir, { passphrase: 'not either of them at all' }))).toBe('WRONG_PASSPHRASE');
  });

  test('the activity log records adding and removing it, and removal stops the passphrase working', async () => {
    const { vault, dir, slot } = await withAgent();
    vault.removeSlot(slot.id);
    const entries = vault.custodyLog().filter((e) => 'passphraseSlot' in e.details);
    expect(entries.map((e) => [e.action, e.details.passphraseSlot, e.details.name])).toEqual([
      ['edit', 'added', AGENT_NAME],
      ['edit', 'removed', AGENT_NAME],
    ]);
    expect(vault.listSlots().map((s) => s.kind)).toEqual(['owner', 'recovery']);
    vault.close();
    expect(await codeOf(() => Vault.open(dir, { passphrase: AGENT }))).toBe('WRONG_PASSPHRASE');
    const again = await Vault.open(dir, { passphrase: PASS });
    expect(again.openWarnings()).toEqual([]);
    again.close();
  });

  test('a wrong owner passphrase changes nothing', async () => {
    const { vault, dir } = await newVault();
    const before = snapshot(dir);
    const e = await errorOf(() => vault.addSlot(AGENT_NAME, AGENT, 'not the owner passphrase', TEST_KDF));
    expect(e.code).toBe('WRONG_PASSPHRASE');
    expect(e.message).toBe("That is not the owner's current passphrase. Nothing was changed.");
    expect(snapshot(dir).get(HEADER_FILE)).toEqual(before.get(HEADER_FILE));
    expect(vault.listSlots()).toHaveLength(2);
    vault.close();
  });

  test('the agent cannot stand in for the owner: their passphrase is not the owner passphrase', async () => {
    const { vault, dir } = await withAgent();
    vault.close();
    const asAgent = await Vault.open(dir, { passphrase: AGENT });
    const before = readFileSync(join(dir, HEADER_FILE));
    expect(await codeOf(() => asAgent.addSlot('Another', 'violet ember canal ninety', AGENT, TEST_KDF))).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(readFileSync(join(dir, HEADER_FILE))).toEqual(before);
    asAgent.close();
  });

  test('a passphrase that already opens the vault is refused, and so is a bad name', async () => {
    const { vault, dir } = await withAgent();
    const before = readFileSync(join(dir, HEADER_FILE));
    expect((await errorOf(() => vault.addSlot('Twin', PASS, PASS, TEST_KDF))).message).toMatch(
      /already opens this vault/,
    );
    expect((await errorOf(() => vault.addSlot('Twin', AGENT, PASS, TEST_KDF))).message).toMatch(
      /already opens this vault/,
    );
    expect(await codeOf(() => vault.addSlot('   ', 'violet ember canal ninety', PASS, TEST_KDF))).toBe('INVALID_INPUT');
    expect(await codeOf(() => vault.addSlot('a\u0007b', 'violet ember canal ninety', PASS, TEST_KDF))).toBe(
      'INVALID_INPUT',
    );
    expect(readFileSync(join(dir, HEADER_FILE))).toEqual(before);
    vault.close();
  });

  test("the owner's slot and the recovery key cannot be removed; only the owner removes; unknown ids change nothing", async () => {
    const { vault, dir, slot } = await withAgent();
    const before = readFileSync(join(dir, HEADER_FILE));
    const owner = await errorOf(() => vault.removeSlot('owner'));
    expect(owner.code).toBe('INVALID_INPUT');
    expect(owner.message).toMatch(/owner's passphrase cannot be removed/);
    expect(await codeOf(() => vault.removeSlot('recovery'))).toBe('INVALID_INPUT');
    expect(await codeOf(() => vault.removeSlot('0'.repeat(32)))).toBe('NOT_FOUND');
    expect(readFileSync(join(dir, HEADER_FILE))).toEqual(before);
    vault.close();
    const asAgent = await Vault.open(dir, { passphrase: AGENT });
    expect((await errorOf(() => asAgent.removeSlot(slot.id))).message).toMatch(/Only the vault's owner/);
    expect((await errorOf(() => asAgent.replaceRecoveryKey())).message).toMatch(/Only the vault's owner/);
    expect(readFileSync(join(dir, HEADER_FILE))).toEqual(before);
    asAgent.close();
  });

  test("the owner's passphrase change keeps the agent's working, and the agent changes only their own", async () => {
    const { vault, dir } = await withAgent();
    await vault.changePassphrase('new owner words for the vault', TEST_KDF, { currentPassphrase: PASS });
    vault.close();
    const asAgent = await Vault.open(dir, { passphrase: AGENT });
    expect(
      await codeOf(() =>
        asAgent.changePassphrase('other', TEST_KDF, { currentPassphrase: 'new owner words for the vault' }),
      ),
    ).toBe('WRONG_PASSPHRASE');
    await asAgent.changePassphrase('agent words changed again', TEST_KDF, { currentPassphrase: AGENT });
    asAgent.close();
    for (const passphrase of ['new owner words for the vault', 'agent words changed again']) {
      const v = await Vault.open(dir, { passphrase });
      expect(v.openWarnings()).toEqual([]);
      v.close();
    }
    expect(await codeOf(() => Vault.open(dir, { passphrase: AGENT }))).toBe('WRONG_PASSPHRASE');
  });
});

describe('who made each entry', () => {
  test('a one-person vault records nothing new', async () => {
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Letter'));
    vault.updateIncident(inc.id, incident('Letter', { description: 'more' }));
    expect(vault.getIncident(inc.id).enteredBy).toBeUndefined();
    expect(vault.incidentHistory(inc.id).every((v) => v.enteredBy === undefined)).toBe(true);
    expect(vault.custodyLog().every((e) => e.enteredBy === undefined)).toBe(true);
    vault.close();
  });

  test('with two people: versions, exhibits and activity-log entries name who made them', async () => {
    const { vault, dir } = await withAgent();
    vault.updateSettings({ producerName: 'Alex Brown' });
    const inc = vault.createIncident(incident('Leaflet'));
    vault.close();
    const asAgent = await Vault.open(dir, { passphrase: AGENT });
    asAgent.updateIncident(inc.id, incident('Leaflet', { description: 'Added by the agent' }));
    const item = asAgent.addPhysicalExhibit(inc.id, 'Envelope', {}, { keptAt: 'Office safe', handledBy: '' });
    asAgent.close();
    const v = await Vault.open(dir, { passphrase: PASS });
    const got = v.getIncident(inc.id);
    expect(got.enteredBy).toBe('Alex Brown');
    expect(got.changedBy).toBe(AGENT_NAME);
    expect(got.exhibits.find((e) => e.id === item.id)?.enteredBy).toBe(AGENT_NAME);
    expect(v.incidentHistory(inc.id).map((h) => h.enteredBy)).toEqual(['Alex Brown', AGENT_NAME]);
    const log = v.custodyLog();
    const byAgent = log.filter((e) => e.enteredBy === AGENT_NAME).map((e) => [e.action, e.subjectKind]);
    expect(byAgent).toEqual([
      ['unlock', 'vault'],
      ['edit', 'incident'],
      ['create', 'exhibit'],
    ]);
    expect(log.find((e) => e.action === 'create' && e.subjectKind === 'incident')?.enteredBy).toBe('Alex Brown');
    v.close();
  });

  test('the records of who made them are encrypted like every record', async () => {
    const dir = join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS, CHEAP);
    await vault.addSlot('Zebediah Quist', AGENT, PASS, TEST_KDF);
    vault.createIncident(incident('Something'));
    vault.close();
    for (const [name, bytes] of snapshot(dir)) {
      expect(bytes.includes(Buffer.from('Zebediah')), name).toBe(false);
    }
  });
});
