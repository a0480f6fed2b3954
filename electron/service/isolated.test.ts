/**
 * The isolated service (./isolated.ts) against the real vault process (./vault-process.ts, from
 * source through tsx) and the real core: requests forwarded generically, events and dialogs
 * forwarded, the child ended on every kind of lock and a fresh one started after, a child that
 * dies answered VAULT_LOCKED (no hang), the bytes path, and the Electron utility-process adapter
 * (./isolated-electron.ts) over a stand-in utilityProcess that runs the same child program.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultError } from '../../shared/errors.js';
import type { IpcResult, VaultEventName } from '../../shared/ipc.js';
import type { Incident } from '../../shared/model.js';
import { decodeWire, encodeWire } from '../../shared/wire.js';
import { TEST_KDF } from '../core/index.js';
import { utilityProcessStandIn } from '../../test/support/utility-process-stand-in.js';
import { forkUtilityChild } from './isolated-electron.js';
import { vaultProcessEntry } from './isolated-link.js';
import { createIsolatedVaultService, type IsolatedVaultService } from './isolated.js';

const PASS = 'isolated test passphrase';
let root: string;
const services: IsolatedVaultService[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ev-isolated-'));
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.dispose()));
  await rm(root, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !alive(pid);
}

function make(dir: string, extra: Partial<Parameters<typeof createIsolatedVaultService>[0]> = {}) {
  const events: { event: VaultEventName; payload: unknown }[] = [];
  const service = createIsolatedVaultService(
    {
      vaultDir: path.join(root, dir),
      kdf: TEST_KDF,
      nativeDialogs: false,
      emit: (event, payload) => events.push({ event, payload }),
      ...extra,
    },
    { graceMs: 1000 },
  );
  services.push(service);
  return { service, events };
}

function ok<T>(r: IpcResult<unknown> | null): T {
  if (!r) throw new Error('no answer');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const input = (title: string) => ({ title, occurredAt: { date: '2024-05-03', time: '21:40', offset: '+01:00' } });

describe('the isolated service', () => {
  it('forwards requests to a vault process and ends it when the vault locks', async () => {
    const { service, events } = make('a');
    expect((await service.status()).state).toBe('none');
    ok(await service.dispatch('vault.create', { passphrase: PASS }));
    const first = service.childPid!;
    expect(first).toBeGreaterThan(0);
    expect(first).not.toBe(process.pid);
    const made = await service.call('incidents.create', { input: input('Leaflet torn up') });
    expect(made.title).toBe('Leaflet torn up');
    const list = ok<Incident[]>(await service.dispatch('incidents.list', {}));
    expect(list.map((i) => i.title)).toEqual(['Leaflet torn up']);

    // Validation is the child's (the same schema as in place); errors keep their codes.
    const bad = await service.dispatch('incidents.get', { id: 'nope', extra: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_INPUT');
    const unknown = await service.dispatch('no.such', {});
    expect(!unknown.ok && unknown.error.code).toBe('INVALID_INPUT');
    await expect(service.call('incidents.get', { id: '0'.repeat(32) })).rejects.toBeInstanceOf(VaultError);

    // The 'vault.lock' channel: 'locked' reaches the host, the process ends, the next request starts a new one.
    const locked = ok<{ state: string }>(await service.dispatch('vault.lock', {}));
    expect(locked.state).toBe('locked');
    expect(events.some((e) => e.event === 'locked')).toBe(true);
    expect(await gone(first)).toBe(true);
    expect((await service.status()).state).toBe('locked');
    const second = service.childPid!;
    expect(second).not.toBe(first);
    const again = await service.dispatch('incidents.list', {});
    expect(!again.ok && again.error.code).toBe('VAULT_LOCKED');

    // lock() (the auto-locks use it) ends it too, even with nothing unlocked.
    ok(await service.dispatch('vault.unlock', { passphrase: PASS }));
    const third = service.childPid!;
    expect((await service.lock('inactivity')).state).toBe('locked');
    expect(await gone(third)).toBe(true);
    expect(events.filter((e) => e.event === 'locked').map((e) => e.payload)).toEqual([
      { reason: 'user' },
      { reason: 'inactivity' },
    ]);
  });

  it('switchVault ends the process and the next one opens the new folder; dispose ends all', async () => {
    const { service } = make('b1');
    ok(await service.dispatch('vault.create', { passphrase: PASS }));
    const pid = service.childPid!;
    const status = await service.switchVault(path.join(root, 'b2'));
    expect(status).toMatchObject({ state: 'none', location: 'b2' });
    expect(await gone(pid)).toBe(true);
    expect((await service.status()).location).toBe('b2');
    const last = service.childPid!;
    await service.dispose();
    expect(await gone(last)).toBe(true);
    const after = await service.dispatch('vault.status', {});
    expect(!after.ok && after.error).toEqual({ code: 'VAULT_LOCKED', message: 'Evidence Vault is closing.' });
    await expect(service.status()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });

  it('a vault process that dies answers pending requests VAULT_LOCKED and the window hears the vault locked', async () => {
    const { service, events } = make('c');
    ok(await service.dispatch('vault.create', { passphrase: PASS }));
    const pid = service.childPid!;
    const pending = service.dispatch('vault.check', {});
    process.kill(pid, 'SIGKILL');
    const answer = await pending;
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('VAULT_LOCKED');
      expect(answer.error.message).toBe('The vault stopped unexpectedly and is locked. Unlock it again.');
    }
    expect(events.at(-1)).toEqual({ event: 'locked', payload: { reason: 'the vault stopped unexpectedly' } });
    // The next request gets a fresh process; the vault is locked and nothing was lost.
    expect((await service.status()).state).toBe('locked');
    ok(await service.dispatch('vault.unlock', { passphrase: PASS }));
    expect(ok<Incident[]>(await service.dispatch('incidents.list', {}))).toEqual([]);
  });

  it('a request in flight when the vault locks is answered (never left hanging), and the next goes to a fresh process', async () => {
    const { service } = make('c2');
    ok(await service.dispatch('vault.create', { passphrase: PASS }));
    const pid = service.childPid!;
    const inFlight = Promise.all([service.dispatch('vault.check', {}), service.dispatch('incidents.list', {})]);
    const locked = service.lock('inactivity');
    const answers = await inFlight;
    for (const a of answers) {
      if (!a.ok) {
        expect(a.error.code).toBe('VAULT_LOCKED');
        expect(a.error.message).not.toContain('unexpectedly');
      }
    }
    expect((await locked).state).toBe('locked');
    expect(await gone(pid)).toBe(true);
    expect(service.childPid).not.toBe(pid);
    const after = await service.dispatch('incidents.list', {});
    expect(!after.ok && after.error.code).toBe('VAULT_LOCKED');
  });

  it('native dialogs are reverse calls to the host; internal errors give the host a name only', async () => {
    const file = path.join(root, 'note.txt');
    await writeFile(file, 'a note');
    const { service } = make('d', { nativeDialogs: true, openFileDialog: () => Promise.resolve([file]) });
    ok(await service.dispatch('vault.create', { passphrase: PASS }));
    const grants = ok<{ name: string; size: number }[]>(await service.dispatch('dialog.openFiles', {}));
    expect(grants).toMatchObject([{ name: 'note.txt', size: 6 }]);
    const grant = await service.grantPath(file);
    expect(grant).toMatchObject({ name: 'note.txt', size: 6 });
    await expect(service.grantPath(path.join(root, 'missing'))).rejects.toMatchObject({ code: 'FILE_MISSING' });
  });

  it('the bytes path: a wire body in, the encoded answer out; a malformed body gives null', async () => {
    const { service } = make('e');
    const send = async (value: unknown) => {
      const reply = await service.dispatchWire([Buffer.from(encodeWire(value))]);
      return reply ? (decodeWire(reply.toString('utf8')) as IpcResult<unknown>) : null;
    };
    ok(await send({ channel: 'vault.create', request: { passphrase: PASS } }));
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const inc = ok<Incident>(await send({ channel: 'incidents.create', request: { input: input('x') } }));
    const imported = ok<{ id: string }[]>(
      await send({
        channel: 'exhibits.import',
        request: {
          incidentId: inc.id,
          jobId: 'a'.repeat(16),
          sources: [{ kind: 'bytes', name: 'b.bin', data: bytes }],
        },
      }),
    );
    const read = ok<Uint8Array>(await send({ channel: 'exhibits.read', request: { id: imported[0]!.id } }));
    expect([...read]).toEqual([...bytes]);
    expect(await service.dispatchWire([Buffer.from('not json')])).toBeNull();
    expect(await service.dispatchWire([Buffer.from('{"channel":"vault.status","x":1}')])).toBeNull();
    const noChannel = await send({ request: {} });
    expect(noChannel).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown request.' } });
    // A chunk is zeroed once it has been sent.
    const chunk = Buffer.from(encodeWire({ channel: 'vault.status', request: {} }));
    await service.dispatchWire([chunk]);
    expect(chunk.every((b) => b === 0)).toBe(true);
    // 'vault.lock' over the bytes path ends the process too.
    const pid = service.childPid!;
    ok(await send({ channel: 'vault.lock', request: {} }));
    expect(await gone(pid)).toBe(true);
  });
});

describe('the desktop app: an Electron utility process (stand-in)', () => {
  const standIn = utilityProcessStandIn();

  it('runs the vault in a utility process and ends it on lock', async () => {
    const { service, events } = make('f');
    const svc = createIsolatedVaultService(
      {
        vaultDir: path.join(root, 'f'),
        kdf: TEST_KDF,
        nativeDialogs: true,
        emit: (e, p) => events.push({ event: e, payload: p }),
      },
      { startChild: () => forkUtilityChild(standIn), graceMs: 1000 },
    );
    services.push(svc);
    await service.dispose();
    ok(await svc.dispatch('vault.create', { passphrase: PASS }));
    expect(standIn.forks[0]?.modulePath).toBe(vaultProcessEntry().file);
    expect(standIn.forks[0]?.args).toEqual([]);
    const pid = svc.childPid!;
    const reply = await svc.dispatchWire([Buffer.from(encodeWire({ channel: 'incidents.list', request: {} }))]);
    expect(decodeWire(reply!.toString('utf8'))).toEqual({ ok: true, value: [] });
    expect((await svc.lock('quick exit')).state).toBe('locked');
    expect(await gone(pid)).toBe(true);
    expect(events.at(-1)).toEqual({ event: 'locked', payload: { reason: 'quick exit' } });
  });
});
