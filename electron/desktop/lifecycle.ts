/**
 * When the vault locks by itself: after inactivity, on system suspend, on screen lock, on a quick
 * exit. All of the main process's automatic locking is here (createAutoLock: the setting, its
 * development override, the check timer, the power events); electron/desktop/main.ts only wires it
 * to Electron. Pure pieces (a clock and stand-ins for powerMonitor), so tests run in plain Node.
 *
 * The window also watches its own input (renderer/src/screens/Shell.tsx: a warning 30 s before,
 * then vault.lock), the only watch in the browser host; in Electron both run, under the one rule of
 * shared/autolock.ts, and the first to see the time pass locks.
 */
import { autoLockState } from '../../shared/autolock.js';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../shared/model.js';
import { QUICK_EXIT_DOUBLE_ESCAPE_MS } from './constants.js';

export interface PowerMonitorLike {
  on(event: 'suspend' | 'lock-screen' | 'user-did-resign-active' | 'shutdown', listener: () => void): unknown;
}

/** Events of powerMonitor that lock the vault, with the reason shown to the user. */
export const POWER_LOCK_EVENTS = {
  suspend: 'the computer went to sleep',
  'lock-screen': 'the screen was locked',
  'user-did-resign-active': 'another user took over the computer',
  shutdown: 'the computer is shutting down',
} as const;

export function lockOnPowerEvents(powerMonitor: PowerMonitorLike, lock: (reason: string) => void): void {
  for (const [event, reason] of Object.entries(POWER_LOCK_EVENTS)) {
    powerMonitor.on(event as keyof typeof POWER_LOCK_EVENTS, () => lock(reason));
  }
}

export interface InactivityOptions {
  /** Lock after this long without input; 0 or less: never. Read on every tick (the setting may change). */
  timeoutMs(): number;
  /** Seconds since the last keyboard or mouse input anywhere (powerMonitor.getSystemIdleTime). */
  systemIdleSeconds(): number;
  /** Whether the app's window has the focus (input while it is focused is input to the vault). */
  windowFocused(): boolean;
  isUnlocked(): boolean | Promise<boolean>;
  lock(reason: string): void;
  now?: () => number;
}

/**
 * Inactivity lock. Activity is input to the vault's window: any input while the window is focused
 * (the system idle clock, which sees mouse and keyboard) or a key reaching the window (touch()).
 * Time spent in other applications counts as inactivity, as does walking away.
 */
export function createInactivityLock(options: InactivityOptions) {
  const now = options.now ?? Date.now;
  let lastActive = now();
  let checking = false;
  return {
    /** Mark input to the vault's window now. */
    touch(): void {
      lastActive = now();
    },
    /** One check; call it every few seconds. Resolves true when it locked. */
    async tick(): Promise<boolean> {
      if (checking) return false;
      checking = true;
      try {
        const t = now();
        const idleMs = options.systemIdleSeconds() * 1000;
        if (options.windowFocused()) lastActive = Math.max(lastActive, t - idleMs);
        const timeout = options.timeoutMs();
        if (timeout <= 0) return false;
        if (!(await options.isUnlocked())) {
          lastActive = t;
          return false;
        }
        if (autoLockState(t - lastActive, timeout / 60_000) === 'lock') {
          lastActive = t;
          options.lock('nobody used Evidence Vault for a while');
          return true;
        }
        return false;
      } finally {
        checking = false;
      }
    },
  };
}

/** The auto-lock timeout before the settings have been read: the settings' own default. */
export { DEFAULT_AUTO_LOCK_MINUTES };
/** Requests after which the auto-lock setting may have changed (or can first be read). */
export const AUTO_LOCK_SETTING_CHANNELS: ReadonlySet<string> = new Set([
  'settings.get',
  'settings.update',
  'vault.unlock',
]);

export interface AutoLockOptions {
  /** The vault's autoLockMinutes setting, or null when it cannot be read (locked, no vault). */
  readMinutes(): Promise<number | null>;
  systemIdleSeconds(): number;
  windowFocused(): boolean;
  isUnlocked(): boolean | Promise<boolean>;
  lock(reason: string): void;
  powerMonitor: PowerMonitorLike;
  /** A fixed timeout in ms that wins over the setting (EVIDENCE_VAULT_AUTOLOCK_SECONDS, development only). */
  overrideMs?: number;
  /** How often the inactivity check runs. Default 5 s. */
  checkEveryMs?: number;
  now?: () => number;
}

/** EVIDENCE_VAULT_AUTOLOCK_SECONDS as milliseconds, for unpackaged builds (tests) only. */
export function autoLockOverrideMs(env: NodeJS.ProcessEnv, packaged: boolean): number | undefined {
  const seconds = Number(env.EVIDENCE_VAULT_AUTOLOCK_SECONDS);
  return !packaged && env.EVIDENCE_VAULT_AUTOLOCK_SECONDS && Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

/** The main process's automatic locking: inactivity (with the vault's setting) and power events. */
export function createAutoLock(options: AutoLockOptions) {
  let settingMs = DEFAULT_AUTO_LOCK_MINUTES * 60_000;
  const inactivity = createInactivityLock({
    timeoutMs: () => options.overrideMs ?? settingMs,
    systemIdleSeconds: options.systemIdleSeconds,
    windowFocused: options.windowFocused,
    isUnlocked: options.isUnlocked,
    lock: options.lock,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    /** Input to the vault's window (a key, a request from the window). */
    touch: inactivity.touch,
    /** One inactivity check (the timer calls it; tests call it directly). */
    tick: inactivity.tick,
    /** The timeout in force, in ms. */
    timeoutMs: () => options.overrideMs ?? settingMs,
    /** After a request from the window: re-read the setting if that request may have changed it. */
    async afterRequest(channel: string): Promise<void> {
      if (!AUTO_LOCK_SETTING_CHANNELS.has(channel)) return;
      const minutes = await options.readMinutes();
      if (minutes !== null) settingMs = minutes * 60_000;
    },
    /** Lock on power events and start the check timer (unref'd). Returns a stop function for the timer. */
    start(): () => void {
      lockOnPowerEvents(options.powerMonitor, options.lock);
      const timer = setInterval(() => void inactivity.tick(), options.checkEveryMs ?? 5_000);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

/** The bits of Electron's before-input-event Input the quick exit looks at. */
export interface KeyInputLike {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
  isAutoRepeat?: boolean;
}

/**
 * Quick exit: Escape pressed twice within 600 ms, or Ctrl+Shift+X (Cmd+Shift+X on a Mac).
 * Returns a function to feed every key-down; it answers true when the quick exit must happen.
 */
export function createQuickExitDetector(options: { platform: string; now?: () => number }) {
  const now = options.now ?? Date.now;
  let lastEscape = -Infinity;
  return (input: KeyInputLike): boolean => {
    if (input.type !== 'keyDown' || input.isAutoRepeat) return false;
    const primary = options.platform === 'darwin' ? input.meta : input.control;
    if (primary && input.shift && !input.alt && input.key.toLowerCase() === 'x') return true;
    if (input.key === 'Escape' && !input.control && !input.meta && !input.alt && !input.shift) {
      const t = now();
      if (t - lastEscape <= QUICK_EXIT_DOUBLE_ESCAPE_MS) {
        lastEscape = -Infinity;
        return true;
      }
      lastEscape = t;
      return false;
    }
    lastEscape = -Infinity;
    return false;
  };
}

/** The accelerator shown in the menu for the quick exit. */
export const QUICK_EXIT_ACCELERATOR = 'CmdOrCtrl+Shift+X';
