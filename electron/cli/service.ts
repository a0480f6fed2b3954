/**
 * The CLI as a host of the service (electron/service/): the same handler table as the desktop app
 * and the browser host. It creates the service for the vault folder, grants the files named on
 * the command line as the desktop grants a dialog's paths, sends every request through the
 * channel schemas (service.call), and hands the service's progress events to the one printer in
 * ./progress.ts. Errors come back as thrown, so io.ts gives them their one line and exit code.
 */
import { randomBytes } from 'node:crypto';
import type { ChannelName, FileGrant, RequestOf, ResponseOf, VaultEvents } from '../../shared/ipc.js';
import type { VaultService } from '../service/index.js';
import { EXIT, askUnlockSecret, fail, vaultDirArg, type CliIO } from './io.js';

export type ProgressEvent = VaultEvents['progress'];

/** What a command does with the vault: requests, grants and jobs, all through the service. */
export interface CliService {
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** A grant for a path given on the command line ({ mustExist: false } for a pack to be written). */
  grant(filePath: string, opts?: { mustExist?: boolean }): Promise<FileGrant>;
  /** Run a job under a fresh id: its progress events go to onProgress, Ctrl-C (io.signal) cancels it. */
  job<T>(onProgress: (e: ProgressEvent) => void, run: (jobId: string) => Promise<T>): Promise<T>;
  /** Lock (keys wiped, lock released) and forget. */
  dispose(): Promise<void>;
}

/**
 * Real vaults always get the core's default Argon2id parameters (unlock takes 0.3–1 s).
 * EVIDENCE_VAULT_TEST_KDF=fast is for test suites only: a vault is then created with libsodium's
 * cheapest parameters so a suite can open it many times. The parameters are stored in the vault
 * header, so only vaults created that way are affected.
 */
export function wantsTestKdf(env: Record<string, string | undefined>): boolean {
  return env.EVIDENCE_VAULT_TEST_KDF === 'fast';
}

/** The service for the vault folder `dir` (made absolute); nothing is opened yet. */
export async function openService(dir: string, io: CliIO): Promise<CliService> {
  const { createVaultService, TEST_KDF } = await import('../service/index.js'); // loaded only when a vault is used
  const listeners = new Map<string, (e: ProgressEvent) => void>();
  const service: VaultService = createVaultService({
    vaultDir: dir,
    // Used by 'vault.create' alone; init says plainly when it is the weak one.
    kdf: wantsTestKdf(io.env) ? TEST_KDF : undefined,
    // init prints a new vault's recovery key, then says so ('vault.recoveryKeyShown').
    confirmsRecoveryKey: true,
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
    dispose: () => service.dispose(),
  };
}

/**
 * Unlock the vault in `dir` with the passphrase rules of io.ts, run fn, and always lock again
 * (keys wiped, lock released), whatever happens. Checks that the folder is a vault before asking
 * for anything.
 */
export async function withVault<T>(dir: string, io: CliIO, fn: (vault: CliService) => Promise<T>): Promise<T> {
  const service = await openService(vaultDirArg(dir), io);
  try {
    const { state } = await service.call('vault.status', {});
    if (state === 'none') {
      fail(
        `${dir} is not an Evidence Vault folder (it holds no valid vault.json); create one with "evidence-vault init"`,
        EXIT.VAULT,
      );
    }
    const unlocked = await service.call('vault.unlock', await askUnlockSecret(io, dir));
    // What the open tidied up on its own (a killed export's unfinished pack removed): one line each.
    for (const notice of unlocked.notices ?? []) io.stderr(`evidence-vault: ${notice}\n`);
    return await fn(service);
  } finally {
    await service.dispose();
  }
}
