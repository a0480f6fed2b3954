/** The folder chosen for a vault, refused in the window's language (English by default). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vaultDirForChoice } from './location.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ev-location-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vaultDirForChoice in Welsh', () => {
  it('says why a folder will not do, in Welsh; the English as before', async () => {
    expect(vaultDirForChoice(dir, 'open', 'cy')).toEqual({
      ok: false,
      message: `Nid yw’r ffolder “${path.basename(dir)}” yn dal claddgell Evidence Vault.`,
    });
    expect(vaultDirForChoice(dir, 'open')).toEqual({
      ok: false,
      message: `The folder “${path.basename(dir)}” does not hold an Evidence Vault.`,
    });
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'x');
    expect(vaultDirForChoice(file, 'create', 'cy')).toEqual({
      ok: false,
      message: 'Ffeil yw “notes.txt”, nid ffolder.',
    });
    expect(vaultDirForChoice(file, 'create')).toEqual({ ok: false, message: '“notes.txt” is a file, not a folder.' });
  });
});
