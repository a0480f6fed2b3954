/**
 * Stands in for Electron's utilityProcess (which cannot run here): fork() starts a real Node child
 * running the same program (the vault process, electron/service/vault-process.ts, from source
 * through tsx), with process.parentPort made of its IPC channel by ./parent-port-shim.ts, as Electron
 * gives a utility process. Messages are structured clones (serialization 'advanced'), as in Electron.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { UtilityProcessApi, UtilityProcessLike } from '../../electron/service/isolated-electron.js';
import { vaultProcessEntry } from '../../electron/service/isolated-link.js';

const SHIM = fileURLToPath(new URL('./parent-port-shim.ts', import.meta.url));

export interface StandInUtilityProcess extends UtilityProcessApi {
  forks: { modulePath: string; args: string[]; serviceName?: string }[];
}

export function utilityProcessStandIn(): StandInUtilityProcess {
  const standIn: StandInUtilityProcess = {
    forks: [],
    fork(modulePath, args = [], options = {}) {
      standIn.forks.push({ modulePath, args, ...(options.serviceName ? { serviceName: options.serviceName } : {}) });
      const entry = vaultProcessEntry();
      const child = fork(modulePath, args, {
        execArgv: [...entry.execArgv, '--import', SHIM],
        serialization: 'advanced',
        ...(entry.cwd ? { cwd: entry.cwd } : {}),
        env: options.env ?? {},
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const like: UtilityProcessLike = {
        get pid() {
          return child.pid;
        },
        postMessage: (m) => child.send(m as object),
        on(event: 'message' | 'exit', listener: ((m: unknown) => void) | ((code: number) => void)) {
          if (event === 'message') child.on('message', (m) => (listener as (m: unknown) => void)(m));
          else child.on('exit', (code) => (listener as (c: number) => void)(code ?? 0));
          return like;
        },
        kill: () => child.kill(),
      };
      return like;
    },
  };
  return standIn;
}
