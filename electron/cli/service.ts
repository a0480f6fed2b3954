/**
 * The CLI as a host of the service (electron/service/): the same handler table as the desktop app
 * and the browser host. It creates the service for the vault folder, grants the files named on
 * the command line as the desktop grants a dialog's paths, sends every request through the
 * channel schemas (service.call), and hands the service's progress events to the one printer in
 * ./progress.ts. Errors come back as thrown, so io.ts gives them their one line and exit code.
 */
import { randomBytes } from 'node:crypto';
import type { ChannelName, FileGrant, RequestOf, ResponseOf, VaultEvents } from '../../shared/ipc.js';
import type { KdfParams, VaultService } from '../service/index.js';
import { EXIT, askUnlockSecret, fail, vaultDirArg, type CliIO, type UnlockWith } from './io.js';

export type ProgressEvent = VaultEvents['progress'];

/** What a command does with the vault: requests, grants and jobs, all through the service. */
export interface CliService {
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** A grant for a path given on the command line ({ mustExist: false } for a pack to be written). */
  grant(filePath: string, opts?: { mustExist?: boolean }): Promise<FileGrant>;
  /** Run a job under a fresh id: its progress events go to onProgress, Ctrl-C (io.signal) cancels it. */
  job<T>(onProgress: (e: ProgressEvent) => void, run: (jobId: string) => Promise<T>): Promise<T>;
  /** The command succeeded: the vault's custody 'unlock' entry goes in now (a failed command leaves none). */
  recordUnlock(): Promise<void>;
  /** Lock (keys wiped, lock released) and forget. */
  dispose(): Promise<void>;
}

/**
 * Real vaults always get the core's default Argon2id parameters (unlock takes 0.3–1 s). The test
 * suites' switch (EVIDENCE_VAULT_TEST_KDF=1, honoured only under a test runner: see
 * electron/service/test-kdf.ts) makes new vaults and passphrase changes use libsodium's cheapest
 * parameters so a suite can open a vault many times. When it is set but not honoured, the one
 * warning line goes to stderr, once.
 */
export async function testKdf(io: CliIO): Promise<KdfParams | undefined> {
  const { testKdfFromEnv } = await import('../service/index.js');
  const choice = testKdfFromEnv(io.env);
  if (choice.warning && !warned.has(io)) {
    warned.add(io);
    io.stderr(`${choice.warning}\n`);
  }
  return choice.kdf;
}
const warned = new WeakSet<CliIO>();

/** The service for the vault folder `dir` (made absolute); nothing is opened yet. */
export async function openService(dir: string, io: CliIO): Promise<CliService> {
  const { createVaultService } = await import('../service/index.js'); // loaded only when a vault is used
  const kdf = await testKdf(io);
  const listeners = new Map<string, (e: ProgressEvent) => void>();
  const service: VaultService = createVaultService({
    vaultDir: dir,
    // For 'vault.create' and 'vault.changePassphrase'; init says plainly when it is the weak one.
    kdf,
    // init prints a new vault's recovery key, then says so ('vault.recoveryKeyShown').
    confirmsRecoveryKey: true,
    // The 'unlock' entry goes in only when the command succeeded (withVault).
    deferUnlockEntry: true,
    nativeDialogs: false,
    emit: (event, payload) => {
      if (event !== 'progress') return;
      const p = payload as ProgressEvent;
      listeners.get(p.jobId)?.(p);
    },
  });
  return {
    call: (channel, request) => service.call(channel, request),
    grant: (p, opts) => service.grantPath(p, opts),
    async job(onProgress, run) {
      if (io.signal.aborted) throw io.signal.reason;
      const jobId = randomBytes(16).toString('hex');
      const onAbort = (): void => void service.call('exhibits.cancel', { jobId });
      listeners.set(jobId, onProgress);
      io.signal.addEventListener('abort', onAbort);
      try {
        return await run(jobId);
      } finally {
        io.signal.removeEventListener('abort', onAbort);
        listeners.delete(jobId);
      }
    },
    recordUnlock: () => service.recordUnlock(),
    dispose: () => service.dispose(),
  };
}

/**
 * Unlock the vault in `dir` with the passphrase rules of io.ts, run fn, and always lock again
 * (keys wiped, lock released), whatever happens. Checks that the folder is a vault before asking
 * for anything.
 */
export async function withVault<T>(
  dir: string,
  io: CliIO,
  fn: (vault: CliService) => Promise<T>,
  /** The secret already asked for (slot add needs the owner's passphrase itself); asked here otherwise. */
  secret?: UnlockWith,
): Promise<T> {
  const service = await openService(vaultDirArg(dir), io);
  try {
    const { state } = await service.call('vault.status', {});
    if (state === 'none') {
      fail(
        `${dir} is not an Evidence Vault folder (it holds no valid vault.json); create one with "evidence-vault init"`,
        EXIT.VAULT,
      );
    }
    const unlocked = await service.call('vault.unlock', secret ?? (await askUnlockSecret(io, dir)));
    if (unlocked.weakKdf) io.stderr(`${weakKdfWarning(dir)}\n`);
    // What the open tidied up on its own (a killed export's unfinished pack removed): one line each.
    for (const notice of unlocked.notices ?? []) io.stderr(`evidence-vault: ${notice}\n`);
    const result = await fn(service);
    await service.recordUnlock();
    return result;
  } finally {
    await service.dispose();
  }
}

/** The one line after unlocking a vault stored below the default Argon2id cost. */
export function weakKdfWarning(dir: string): string {
  return (
    `warning: the passphrase protection of ${dir} is weaker than the default (a low Argon2id cost), ` +
    `so its passphrase is easier to guess; strengthen it with "evidence-vault upgrade-kdf ${dir}"`
  );
}
