/**
 * Reading the small files beside vault.db (vault.json, vault-anchor.json) without hanging: a FIFO
 * with no writer blocks an ordinary open for ever, and a device can be read without end. Each is
 * opened with O_NONBLOCK (a FIFO opens at once), checked with fstat on the descriptor actually
 * opened (no window between a check and the read), and refused unless it is a regular file.
 */
import { closeSync, constants as fsc, fstatSync, openSync, readFileSync } from 'node:fs';
import { VaultError, type ErrorCode } from '../../../shared/errors.js';

/** The one line for a vault file that is a folder, pipe, socket or device. */
export function notRegularFile(path: string): string {
  return `${path} is not a regular file (a folder, pipe, socket or device), so it cannot be read as part of the vault; move it away or choose the vault's real folder.`;
}

/**
 * The file's text. Errors from open (ENOENT and the rest) are thrown as they are, for the caller
 * to name; a file that is not regular throws VaultError(code) with notRegularFile()'s line.
 */
export function readRegularText(path: string, code: ErrorCode): string {
  const fd = openSync(path, fsc.O_RDONLY | fsc.O_NONBLOCK | (fsc.O_NOCTTY ?? 0));
  try {
    if (!fstatSync(fd).isFile()) throw new VaultError(code, notRegularFile(path));
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
