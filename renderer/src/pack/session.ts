/** Packs made in this session (renderer memory only), so "Check a case pack" can offer them. */
import type { PackReceipt } from '../../../shared/ipc-pack.js';

const made: PackReceipt[] = [];
export function rememberPack(r: PackReceipt): void {
  made.unshift(r);
}
export function packsThisSession(): readonly PackReceipt[] {
  return made;
}
/** A hash in groups of four, easier to read aloud. */
export function grouped(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}
