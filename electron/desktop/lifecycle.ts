/**
 * When the vault locks by itself: after inactivity, on system suspend, on screen lock, on a quick
 * exit. Pure pieces (a clock and stand-ins for powerMonitor), wired up in electron/desktop/main.ts.
 */
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
        if (t - lastActive >= timeout) {
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
