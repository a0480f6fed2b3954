// Types for scripts/start.mjs (used by the Electron specs and tests).
export type Prepared = { ok: true; appDir: string } | { ok: false; failure: string };
export type Found = { ok: true; executable: string } | { ok: false; failure: string };
export function electronVersion(): string;
export function executableInDist(platform?: string): string;
export function findElectron(options?: { env?: NodeJS.ProcessEnv; download?: boolean }): Found;
export function fallbackMessage(failure: string): string;
export function prepareElectronApp(options?: { version?: string; log?: (message: string) => void }): Promise<Prepared>;
