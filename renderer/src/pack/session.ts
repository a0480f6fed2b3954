/** Packs made in this session (renderer memory only), so "Check a case pack" can offer them. */
import type { PackReceipt } from '../../../shared/ipc-pack.js';

const made: PackReceipt[] = [];
export function rememberPack(r: PackReceipt): void {
  made.unshift(r);
}
export function packsThisSession(): readonly PackReceipt[] {
  return made;
}
