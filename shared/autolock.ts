/**
 * When an idle vault locks: the one rule for every place that locks on inactivity (the desktop
 * main process, which sees the system's idle clock, and the window, which sees its own input and
 * warns first). Pure: callers bring the clock.
 */

/** The window's warning comes this long before it locks. */
export const AUTO_LOCK_WARNING_MS = 30_000;

/** What an idle time means under a setting in minutes (0 or less: never lock). */
export function autoLockState(idleMs: number, minutes: number): 'active' | 'warn' | 'lock' {
  if (minutes <= 0) return 'active';
  const timeoutMs = minutes * 60_000;
  if (idleMs >= timeoutMs) return 'lock';
  return idleMs >= timeoutMs - AUTO_LOCK_WARNING_MS ? 'warn' : 'active';
}
