/** What a benchmark child process reports about itself (no heavy imports: it is bundled into the child). */
import { readFileSync } from 'node:fs';

/** Peak resident memory of this process (VmHWM), in KiB, or null where /proc is not there. */
export function vmHwmKiB(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m?.[1] ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
