/**
 * The preload bridge with Electron's contextBridge, ipcRenderer and webUtils stood in by plain
 * objects: it exposes window.vault and nothing else, uses one invoke channel, delivers only its own
 * events, and sends the paths of files the user really dropped (and only those) to the main
 * process, never to the page.
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

/** The window's capture-phase listeners, as the preload registers them (the DOM stood in). */
const windowListeners = new Map<string, { listener: (e: unknown) => void; capture: boolean }[]>();
vi.stubGlobal('window', {
  addEventListener: (type: string, listener: (e: unknown) => void, opts?: { capture?: boolean }) => {
    windowListeners.set(type, [...(windowListeners.get(type) ?? []), { listener, capture: opts?.capture === true }]);
  },
});
/** A drop on the window: trusted when the user did it, untrusted when the page dispatched it. */
function drop(files: unknown[], isTrusted = true) {
  for (const { listener } of windowListeners.get('drop') ?? []) listener({ isTrusted, dataTransfer: { files } });
}

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
    expect(windowListeners.get('drop')?.map((l) => l.capture)).toEqual([true]);
    const file = { name: 'post-1.png' } as unknown as File;
    stand.paths.set(file, '/home/me/Desktop/post-1.png');
    drop([file]);
    stand.invoked.length = 0;
    const grant = await vault.grantForDroppedFile(file);
    expect(stand.invoked).toEqual([['vault:grant-dropped', '/home/me/Desktop/post-1.png']]);
    expect(grant).toEqual({ grantId: 'g', name: 'n', size: 1 });

    // Once: the same drop gives no second grant.
    stand.invoked.length = 0;
    expect(await vault.grantForDroppedFile(file)).toBeNull();
    // A File with no path on disk (made by the page, or pasted) gets no grant.
    drop([{ name: 'pasted.png' }]);
    expect(await vault.grantForDroppedFile({ name: 'pasted.png' } as unknown as File)).toBeNull();
    expect(stand.invoked).toEqual([]);
  });

  it('only files the user really dropped: not a file the page got another way, not a drop the page faked', async () => {
    const picked = { name: 'id_ed25519' } as unknown as File;
    stand.paths.set(picked, '/home/me/.ssh/id_ed25519');
    stand.invoked.length = 0;
    // Never dropped (e.g. from an <input type=file> the page made).
    expect(await vault.grantForDroppedFile(picked)).toBeNull();
    // A drop event the page dispatched itself is not trusted.
    drop([picked], false);
    expect(await vault.grantForDroppedFile(picked)).toBeNull();
    // Not a File at all.
    expect(await vault.grantForDroppedFile('/etc/passwd' as unknown as File)).toBeNull();
    expect(stand.invoked).toEqual([]);
  });
});
