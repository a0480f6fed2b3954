import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import sodium from 'libsodium-wrappers-sumo';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_KDF, TEST_KDF, formatRecoveryKey, parseRecoveryKey, randomBytes } from './crypto/index.js';
import { HEADER_FILE } from './keys/header.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { Vault } from './vault.js';
import {
  CHEAP,
  PASS,
  cleanupTemp,
  codeOf,
  errorOf,
  incident,
  newVault,
  rawDb,
  snapshot,
  tempDir,
} from '../../test/support/core.js';

afterAll(cleanupTemp);

describe('create, open, lock', () => {
  test('a new vault opens with its passphrase and with its recovery key, typed loosely', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    const id = vault.createIncident(incident('First')).id;
    const vaultId = vault.vaultId;
    vault.close();
    expect(vault.isOpen).toBe(false);
    expect(await Vault.isVault(dir)).toBe(true);

    const byPass = await Vault.open(dir, { passphrase: PASS });
    expect(byPass.vaultId).toBe(vaultId);
    expect(byPass.getIncident(id).title).toBe('First');
    byPass.close();

    // Lower case, spaces instead of dashes, O for 0 and l for 1: all forgiven.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const byKey = await Vault.open(dir, { recoveryKey: `  ${typed}  ` });
    expect(byKey.getIncident(id).title).toBe('First');
    expect(
      byKey
        .custodyLog()
        .filter((e) => e.action === 'unlock')
        .map((e) => e.details),
    ).toEqual([{ method: 'passphrase' }, { method: 'recovery-key' }]);
    byKey.close();
  });

  test('vault.json holds no content, only the format, id, KDF parameters, wrapped keys, checksum and MAC', async () => {
    const { vault, dir } = await newVault();
    vault.createIncident(incident('Secret title zebra'));
    vault.close();
    const header = JSON.parse(readFileSync(join(dir, HEADER_FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['checksum', 'format', 'kdf', 'mac', 'slots', 'vaultId', 'version']);
    expect(header.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(header.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(header.version).toBe(1);
    expect(JSON.stringify(header)).not.toContain('zebra');
  });

  // How long an unlock takes is measured by `npm run bench` (unlock to first paint), not here.
  test('default Argon2id parameters are stored and really cost something to unlock', async () => {
    const dir = join(tempDir(), 'vault');
    const { vault } = await Vault.create(dir, PASS);
    vault.close();
    const header = JSON.parse(readFileSync(join(dir, HEADER_FILE), 'utf8')) as {
      kdf: { opsLimit: number; memLimit: number };
    };
    expect(header.kdf).toMatchObject(DEFAULT_KDF);
    const t0 = performance.now();
    const again = await Vault.open(dir, { passphrase: PASS });
    const ms = performance.now() - t0;
    console.log(
      `unlock with default Argon2id (ops ${DEFAULT_KDF.opsLimit}, mem ${DEFAULT_KDF.memLimit / 2 ** 20} MiB): ${ms.toFixed(0)} ms`,
    );
    again.close();
    expect(ms).toBeGreaterThan(100); // really the expensive parameters
  });

  test('lock wipes the keys and closes the database; further use is refused', async () => {
    const { vault } = await newVault();
    const keys = (vault as unknown as { keys: Record<string, Uint8Array> }).keys;
    const master = keys.master!;
    const records = keys.records!;
    const signing = (vault as unknown as { signing: { secretKey: Uint8Array } }).signing.secretKey;
    expect(master.some((b) => b !== 0)).toBe(true);
    vault.close();
    vault.close(); // idempotent
    expect(master.every((b) => b === 0)).toBe(true);
    expect(records.every((b) => b === 0)).toBe(true);
    expect(signing.every((b) => b === 0)).toBe(true);
    expect(await codeOf(() => vault.listIncidents())).toBe('VAULT_LOCKED');
    expect(await codeOf(() => vault.createIncident(incident('x')))).toBe('VAULT_LOCKED');
  });

  test('create refuses a folder that already is a vault, or is not empty', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const before = snapshot(dir);
    expect(await codeOf(() => Vault.create(dir, 'other', CHEAP))).toBe('VAULT_EXISTS');
    expect(snapshot(dir)).toEqual(before);
    const busy = tempDir();
    writeFileSync(join(busy, 'notes.txt'), 'mine');
    expect(await codeOf(() => Vault.create(busy, PASS, CHEAP))).toBe('INVALID_INPUT');
  });
});

describe('wrong keys and foreign folders', () => {
  test('a wrong passphrase is refused clearly and changes nothing, byte for byte', async () => {
    const { vault, dir } = await newVault();
    vault.createIncident(incident('Kept'));
    vault.close();
    const before = snapshot(dir);
    const err = await errorOf(() => Vault.open(dir, { passphrase: 'wrong horse' }));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toMatch(/passphrase does not open this vault/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a wrong or mistyped recovery key is refused clearly and changes nothing', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    vault.close();
    const before = snapshot(dir);
    await sodium.ready;
    const other = formatRecoveryKey(randomBytes(32));
    const wrong = await errorOf(() => Vault.open(dir, { recoveryKey: other }));
    expect(wrong.code).toBe('WRONG_RECOVERY_KEY');
    expect(wrong.message).toMatch(/does not open this vault/);
    // One character changed: the check letters catch the typo.
    const typo = (recoveryKey[0] === 'A' ? 'B' : 'A') + recoveryKey.slice(1);
    const t = await errorOf(() => Vault.open(dir, { recoveryKey: typo }));
    expect(t.code).toBe('WRONG_RECOVERY_KEY');
    expect(t.message).toMatch(/typo/);
    expect((await errorOf(() => Vault.open(dir, { recoveryKey: 'ABCD' }))).message).toMatch(/has 56 letters/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('recovery key format round-trips and rejects letters outside Crockford base32', async () => {
    await sodium.ready;
    const key = randomBytes(32);
    const text = formatRecoveryKey(key);
    const back = parseRecoveryKey(text);
    expect('key' in back && Buffer.from(back.key).equals(Buffer.from(key))).toBe(true);
    const bad = parseRecoveryKey(text.replace(/[0-9A-Z]/, 'U'));
    expect('error' in bad).toBe(true);
  });

  test('a folder that is not a vault is NOT_A_VAULT, and left alone', async () => {
    const empty = tempDir();
    expect(await Vault.isVault(empty)).toBe(false);
    expect(await codeOf(() => Vault.open(empty, { passphrase: PASS }))).toBe('NOT_A_VAULT');
    expect(await codeOf(() => Vault.open(join(empty, 'missing'), { passphrase: PASS }))).toBe('NOT_A_VAULT');
    const other = tempDir();
    writeFileSync(join(other, HEADER_FILE), '{"name":"some other app"}');
    writeFileSync(join(other, 'vault.db'), 'not sqlite');
    const before = snapshot(other);
    expect(await codeOf(() => Vault.open(other, { passphrase: PASS }))).toBe('NOT_A_VAULT');
    expect(await Vault.isVault(other)).toBe(false);
    writeFileSync(join(other, HEADER_FILE), 'garbage{');
    expect(await codeOf(() => Vault.open(other, { passphrase: PASS }))).toBe('NOT_A_VAULT');
    writeFileSync(join(other, HEADER_FILE), JSON.stringify({ name: 'x' }));
    expect(snapshot(other).get('vault.db')).toEqual(before.get('vault.db'));
  });

  test('a vault of a newer format version (vault.json) is VAULT_TOO_NEW and untouched', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    const header = JSON.parse(readFileSync(join(dir, HEADER_FILE), 'utf8')) as { version: number };
    header.version = 2;
    writeFileSync(join(dir, HEADER_FILE), JSON.stringify(header));
    const before = snapshot(dir);
    const err = await errorOf(() => Vault.open(dir, { passphrase: PASS }));
    expect(err.code).toBe('VAULT_TOO_NEW');
    expect(err.message).toMatch(/format version 2/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a vault whose database is newer (user_version) is VAULT_TOO_NEW and untouched', async () => {
    const { vault, dir } = await newVault();
    vault.createIncident(incident('Kept'));
    vault.close();
    const db = rawDb(dir);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = snapshot(dir);
    const err = await errorOf(() => Vault.open(dir, { passphrase: PASS }));
    expect(err.code).toBe('VAULT_TOO_NEW');
    expect(err.message).toMatch(new RegExp(`schema version ${SCHEMA_VERSION + 1}`));
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('change passphrase', () => {
  test('rewraps the key slot only: records are not re-encrypted, the recovery key still works', async () => {
    const { vault, dir, recoveryKey } = await newVault();
    const id = vault.createIncident(incident('Before the change')).id;
    vault.close();
    const db0 = rawDb(dir);
    const body0 = (db0.prepare('SELECT body FROM records WHERE id = ?').get(id) as { body: Buffer }).body;
    db0.close();

    const v = await Vault.open(dir, { passphrase: PASS });
    await v.changePassphrase('a brand new passphrase');
    expect(v.custodyLog().at(-1)?.action).toBe('passphrase-change');
    v.close();

    expect(await codeOf(() => Vault.open(dir, { passphrase: PASS }))).toBe('WRONG_PASSPHRASE');
    const v2 = await Vault.open(dir, { passphrase: 'a brand new passphrase' });
    expect(v2.getIncident(id).title).toBe('Before the change');
    v2.close();
    const v3 = await Vault.open(dir, { recoveryKey });
    await v3.changePassphrase('reset after forgetting');
    v3.close();
    (await Vault.open(dir, { passphrase: 'reset after forgetting' })).close();

    const db1 = rawDb(dir);
    const body1 = (db1.prepare('SELECT body FROM records WHERE id = ?').get(id) as { body: Buffer }).body;
    db1.close();
    expect(body1.equals(body0)).toBe(true);
  });
});

describe('records and their custody entries', () => {
  test('incidents: create, read, update, delete, each recorded', async () => {
    const { vault } = await newVault();
    const p = vault.createPerson({ name: 'Mallory', handles: ['@mal'], role: 'perpetrator' });
    const w = vault.createPerson({ name: 'Walter', role: 'witness' });
    const a = vault.createIncident(
      incident('Shouting at the door', {
        description: 'He shouted and kicked the gate.',
        categories: ['threatening-behaviour', 'criminal-damage'],
        channel: { kind: 'in-person' },
        perpetratorIds: [p.id],
        witnessIds: [w.id],
        escalationSignals: ['imminent-violence'],
        reports: [{ kind: 'police', force: 'Met', reference: 'CAD 123', officer: 'PC 1', date: '2024-05-04' }],
      }),
    );
    const b = vault.createIncident({ title: 'Earlier letter', occurredAt: { date: '2024-04-01', approximate: true } });
    expect(vault.listIncidents().map((i) => i.id)).toEqual([b.id, a.id]); // oldest first
    expect(vault.getIncident(a.id)).toMatchObject({
      title: 'Shouting at the door',
      perpetratorIds: [p.id],
      exhibits: [],
    });

    const upd = vault.updateIncident(a.id, { ...a, title: 'Shouting and kicking at the door' });
    expect(upd.title).toBe('Shouting and kicking at the door');
    expect(upd.createdAt).toBe(a.createdAt);
    vault.deleteIncident(b.id, 'written twice');
    expect(await codeOf(() => vault.getIncident(b.id))).toBe('NOT_FOUND');

    const log = vault.custodyLog();
    const about = (id: string): string[] => log.filter((e) => e.subjectId === id).map((e) => e.action);
    expect(about(a.id)).toEqual(['create', 'edit']);
    expect(about(b.id)).toEqual(['create', 'delete']);
    expect(log.find((e) => e.subjectId === b.id && e.action === 'delete')?.details).toMatchObject({
      title: 'Earlier letter',
    });
    expect(log.find((e) => e.subjectId === a.id && e.action === 'edit')?.details).toMatchObject({ changed: ['title'] });
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));

    // Survives a reopen.
    const dir = vault.dir;
    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS });
    expect(again.listIncidents().map((i) => i.title)).toEqual(['Shouting and kicking at the door']);
    expect((await again.check()).ok).toBe(true);
    again.close();
  });

  test('people, contacts and settings: CRUD with custody entries; deleting a person edits incidents naming them', async () => {
    const { vault } = await newVault();
    const p = vault.createPerson({ name: 'Mallory' });
    const p2 = vault.updatePerson(p.id, { name: 'Mallory M.', description: 'tall' });
    expect(vault.listPeople()).toEqual([p2]);
    const inc = vault.createIncident(incident('With Mallory', { perpetratorIds: [p.id] }));
    vault.deletePerson(p.id, 'added by mistake');
    expect(vault.listPeople()).toEqual([]);
    expect(vault.getIncident(inc.id).perpetratorIds).toEqual([]);

    const c = vault.createContact({ kind: 'spoc', name: 'DC Smith', phone: '0123' });
    vault.updateContact(c.id, { kind: 'spoc', name: 'DS Smith', phone: '0123' });
    expect(vault.listContacts().map((x) => x.name)).toEqual(['DS Smith']);
    vault.deleteContact(c.id, 'no longer the SPOC');
    expect(vault.listContacts()).toEqual([]);

    expect(vault.getSettings().autoLockMinutes).toBe(5);
    const s = vault.updateSettings({ producerName: 'Alex Brown', producerInitials: 'AB' });
    expect(s).toMatchObject({ producerName: 'Alex Brown', producerInitials: 'AB', autoLockMinutes: 5 });
    expect(vault.getSettings()).toEqual(s);

    const acts = vault.custodyLog().map((e) => `${e.action} ${e.subjectKind}`);
    expect(acts).toEqual([
      'create vault',
      'create person',
      'edit person',
      'create incident',
      'edit incident',
      'delete person',
      'create contact',
      'edit contact',
      'delete contact',
      'edit settings',
    ]);
    vault.close();
  });

  test('unknown category, impossible dates and bad fields are INVALID_INPUT, and nothing changes', async () => {
    const { vault } = await newVault();
    const kept = vault.createIncident(incident('Kept'));
    const logBefore = vault.custodyLog().length;
    const cases: [unknown, RegExp][] = [
      [incident('x', { categories: ['vandalism' as 'other'] }), /Unknown category "vandalism"/],
      [{ title: 'x', occurredAt: { date: '2023-02-30' } }, /2023-02 has no day 30/],
      [{ title: 'x', occurredAt: { date: '2023-13-01' } }, /impossible date/],
      [{ title: 'x', occurredAt: { date: '2024-05-03', time: '25:10', offset: 'Z' } }, /impossible time/],
      [{ title: 'x', occurredAt: { date: '2024-05-03', time: '21:40' } }, /no UTC offset/],
      [{ title: 'x', occurredAt: { date: '3 May' } }, /occurredAt\.date/],
      [{ title: '   ', occurredAt: { date: '2024-05-03' } }, /title: A title is needed/],
      [incident('x', { perpetratorIds: ['0'.repeat(32)] }), /no person with id 0{32}/],
    ];
    for (const [input, msg] of cases) {
      const err = await errorOf(() => vault.createIncident(input as never));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(msg);
      const err2 = await errorOf(() => vault.updateIncident(kept.id, input as never));
      expect(err2.code).toBe('INVALID_INPUT');
    }
    expect(await codeOf(() => vault.createContact({ kind: 'pigeon' as 'spoc' }))).toBe('INVALID_INPUT');
    expect(await codeOf(() => vault.updateSettings({ autoLockMinutes: -1 }))).toBe('INVALID_INPUT');
    expect(vault.listIncidents().map((i) => i.title)).toEqual(['Kept']);
    expect(vault.getIncident(kept.id)).toEqual(kept);
    expect(vault.custodyLog()).toHaveLength(logBefore);
    vault.close();
  });

  test('batch: all actions commit together or none do', async () => {
    const { vault } = await newVault();
    const before = vault.custodyLog().length;
    expect(() =>
      vault.batch(() => {
        vault.createIncident(incident('one'));
        vault.createIncident(incident('two'));
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(vault.listIncidents()).toEqual([]);
    expect(vault.custodyLog()).toHaveLength(before);
    vault.batch(() => {
      vault.createIncident(incident('one'));
      vault.createIncident(incident('two'));
    });
    expect(vault.listIncidents()).toHaveLength(2);
    const dir = vault.dir;
    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS });
    expect(again.listIncidents()).toHaveLength(2);
    expect((await again.check()).ok).toBe(true);
    again.close();
  });

  test('custody entries from the exporter are appended and chained', async () => {
    const { vault } = await newVault();
    const e = vault.recordCustody({
      action: 'export',
      subjectKind: 'pack',
      subjectId: null,
      details: { sha256: 'ab' },
    });
    expect(e.action).toBe('export');
    expect(vault.custodyLog().at(-1)).toEqual(e);
    expect(
      await codeOf(() =>
        vault.recordCustody({ action: 'steal' as 'view', subjectKind: 'pack', subjectId: null, details: {} }),
      ),
    ).toBe('INVALID_INPUT');
    expect((await vault.check()).ok).toBe(true);
    vault.close();
  });

  test('several custody entries in one call are appended in order, in ONE transaction, or none', async () => {
    const { vault, dir } = await newVault();
    const entries = ['a', 'b', 'c'].map((id) => ({
      action: 'export' as const,
      subjectKind: 'exhibit',
      subjectId: id,
      details: { packId: 'p1' },
    }));
    const before = vault.custodyLog();
    const metaVersion = (): number => {
      const db = rawDb(dir);
      const row = db.prepare(`SELECT version FROM records WHERE kind = 'meta'`).get() as { version: number };
      db.close();
      return row.version;
    };
    vault.close();
    const v0 = metaVersion();
    const again = await Vault.open(dir, { passphrase: PASS }); // + the 'unlock' entry: one commit

    // An invalid entry anywhere in the list: nothing is appended.
    expect(await codeOf(() => again.recordCustody([entries[0]!, { ...entries[1]!, action: 'steal' as 'view' }]))).toBe(
      'INVALID_INPUT',
    );
    expect(again.recordCustody([])).toEqual([]);

    const added = again.recordCustody(entries);
    expect(added.map((e) => e.subjectId)).toEqual(['a', 'b', 'c']);
    const firstSeq = before.length + 2;
    expect(added.map((e) => e.seq)).toEqual([firstSeq, firstSeq + 1, firstSeq + 2]);
    expect(again.custodyLog().slice(-3)).toEqual(added);
    again.close();
    // The meta record (rewritten once per transaction): the unlock, then the three entries together.
    expect(metaVersion()).toBe(v0 + 2);

    const third = await Vault.open(dir, { passphrase: PASS });
    expect(third.custodyLog().filter((e) => e.action === 'export')).toEqual(added);
    expect((await third.check()).ok).toBe(true);
    third.close();
  });
});

describe('signing key', () => {
  test('an Ed25519 key is created with the vault, kept across reopen, and signs', async () => {
    const { vault, dir } = await newVault();
    await sodium.ready;
    const pk = vault.signingPublicKey();
    expect(pk).toHaveLength(32);
    const msg = new TextEncoder().encode('tagmanifest-sha256.txt contents');
    const sig = vault.signDetached(msg);
    expect(sodium.crypto_sign_verify_detached(sig, msg, pk)).toBe(true);
    vault.close();
    const again = await Vault.open(dir, { passphrase: PASS });
    expect(Buffer.from(again.signingPublicKey()).equals(Buffer.from(pk))).toBe(true);
    again.close();
  });
});

describe('a full disk', () => {
  test('a commit that meets a full disk is DISK_FULL; nothing changes; the vault works once there is space', async (t) => {
    const mnt = join(tempDir(), 'small');
    mkdirSync(mnt);
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt]).status !== 0) {
      t.skip(); // needs root to mount a small tmpfs
      return;
    }
    try {
      const dir = join(mnt, 'vault');
      const { vault } = await Vault.create(dir, PASS, CHEAP);
      const kept = vault.createIncident(incident('Kept'));
      const logBefore = vault.custodyLog();
      // Fill the disk.
      const filler = join(mnt, 'filler');
      const chunk = Buffer.alloc(64 * 1024, 1);
      const fd = openSync(filler, 'w');
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
      const err = await errorOf(() => vault.createIncident(incident('Too big', { description: 'x'.repeat(90_000) })));
      expect(err.code).toBe('DISK_FULL');
      expect(err.message).toMatch(/disk .* is full; nothing was changed/);
      expect(vault.listIncidents().map((i) => i.id)).toEqual([kept.id]);
      expect(vault.custodyLog()).toEqual(logBefore);
      // A full disk does not lock the person out: the vault still opens (without its 'unlock'
      // entry), lists and checks, so the evidence can still be read and exported elsewhere.
      vault.close();
      const whileFull = await Vault.open(dir, { passphrase: PASS });
      expect(whileFull.listIncidents().map((i) => i.id)).toEqual([kept.id]);
      expect(whileFull.custodyLog()).toEqual(logBefore);
      whileFull.close();
      rmSync(filler);
      const reopened = await Vault.open(dir, { passphrase: PASS });
      reopened.close();
      const afterFree = await Vault.open(dir, { passphrase: PASS });
      afterFree.createIncident(incident('After freeing space'));
      afterFree.close();
      const again = await Vault.open(dir, { passphrase: PASS });
      expect(again.listIncidents().map((i) => i.title)).toEqual(['Kept', 'After freeing space']);
      expect((await again.check()).problems).toEqual([]);
      again.close();
    } finally {
      spawnSync('umount', ['-l', mnt]);
    }
  });
});

describe('a vault whose database was removed', () => {
  test('a missing or emptied vault.db is TAMPERED, never silently replaced by a new empty vault', async () => {
    const { vault, dir } = await newVault();
    vault.createIncident(incident('Kept'));
    vault.close();
    const db = readFileSync(join(dir, 'vault.db'));
    rmSync(join(dir, 'vault.db'));
    const missing = await errorOf(() => Vault.open(dir, { passphrase: PASS }));
    expect(missing.code).toBe('TAMPERED');
    expect(missing.message).toMatch(/vault\.db is missing/);
    expect(existsSync(join(dir, 'vault.db'))).toBe(false);
    writeFileSync(join(dir, 'vault.db'), '');
    expect((await errorOf(() => Vault.open(dir, { passphrase: PASS }))).message).toMatch(/is empty/);
    writeFileSync(join(dir, 'vault.db'), db);
    const back = await Vault.open(dir, { passphrase: PASS });
    expect(back.listIncidents().map((i) => i.title)).toEqual(['Kept']);
    back.close();
  });
});

describe('interrupted create', () => {
  test('a vault whose database was never written (killed after vault.json) initialises on open', async () => {
    const { vault, dir } = await newVault();
    vault.close();
    // Simulate: only vault.json reached the disk.
    const fresh = join(tempDir(), 'v2');
    mkdirSync(fresh);
    writeFileSync(join(fresh, HEADER_FILE), readFileSync(join(dir, HEADER_FILE)));
    const v = await Vault.open(fresh, { passphrase: PASS }, { kdf: TEST_KDF });
    expect(v.signingPublicKey()).toHaveLength(32);
    expect((await v.check()).ok).toBe(true);
    v.close();
  });
});
