/**
 * The preload bridge with Electron's contextBridge, ipcRenderer and webUtils stood in by plain
 * objects: it exposes window.vault and nothing else, uses one invoke channel, delivers only its own
 * events, and sends dropped files' paths to the main process, never to the page.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { VaultBridge } from '../../shared/ipc.js';

type Handler = (event: unknown, ...args: unknown[]) => void;
const stand = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, Set<Handler>>(),
  paths: new Map<unknown, string>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => stand.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      stand.invoked.push(args);
      return Promise.resolve(
        args[0] === 'vault:grant-dropped' ? { grantId: 'g', name: 'n', size: 1 } : { ok: true, value: null },
      );
    },
    on: (channel: string, l: Handler) => {
      if (!stand.listeners.has(channel)) stand.listeners.set(channel, new Set());
      stand.listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: Handler) => stand.listeners.get(channel)?.delete(l),
  },
  webUtils: {
    getPathForFile: (file: unknown) => stand.paths.get(file) ?? '',
  },
}));

let vault: VaultBridge;
beforeAll(async () => {
  await import('./preload.js');
  vault = stand.exposed.get('vault') as VaultBridge;
});

function emit(name: string, payload: unknown) {
  for (const l of stand.listeners.get('vault:event') ?? []) l({}, name, payload);
}

describe('preload', () => {
  it('exposes window.vault only', () => {
    expect([...stand.exposed.keys()]).toEqual(['vault']);
    expect(Object.keys(vault).sort()).toEqual(['grantForDroppedFile', 'invoke', 'on']);
  });

  it('sends every request on the one invoke channel, for the main process to validate', async () => {
    await vault.invoke('incidents.list', {});
    await vault.invoke('vault.unlock', { passphrase: 'x' });
    expect(stand.invoked).toEqual([
      ['vault:invoke', 'incidents.list', {}],
      ['vault:invoke', 'vault.unlock', { passphrase: 'x' }],
    ]);
  });

  it('delivers only the subscribed event, until unsubscribed; refuses unknown events', () => {
    const locked: unknown[] = [];
    const off = vault.on('locked', (p) => locked.push(p));
    emit('progress', { jobId: 'a', done: 1, total: 2, label: '' });
    emit('locked', { reason: 'quick exit' });
    expect(locked).toEqual([{ reason: 'quick exit' }]);
    off();
    emit('locked', { reason: 'again' });
    expect(locked).toHaveLength(1);
    expect(stand.listeners.get('vault:event')?.size).toBe(0);
    expect(() => vault.on('anything' as 'locked', () => undefined)).toThrow(/Unknown event/);
  });

  it('a dropped file’s path goes to the main process (for a grant); the page gets only the grant', async () => {
    const file = { name: 'post-1.png' } as unknown as File;
    stand.paths.set(file, '/home/me/Desktop/post-1.png');
    stand.invoked.length = 0;
    const grant = await vault.grantForDroppedFile(file);
    expect(stand.invoked).toEqual([['vault:grant-dropped', '/home/me/Desktop/post-1.png']]);
    expect(grant).toEqual({ grantId: 'g', name: 'n', size: 1 });

    // A File with no path on disk (made by the page, or pasted) gets no grant.
    stand.invoked.length = 0;
    expect(await vault.grantForDroppedFile({ name: 'pasted.png' } as unknown as File)).toBeNull();
    expect(stand.invoked).toEqual([]);
  });
});
