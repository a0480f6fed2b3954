/**
 * What the window is told when a request is refused (issue 15, item 6), through the handler table
 * and the real core: plain English with a next step, never schema text; nothing changed.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/model.js';
import { TEST_KDF, tempDir } from '../../test/support/ipc.js';
import type { ErrorCode, ErrorDetail } from '../../shared/errors.js';
import { errorText } from '../../shared/error-words.js';
import { createVaultService, type VaultService } from './handlers.js';

const PASS = 'correct horse battery staple';
const SCHEMA_WORDS = /Too big|Too small|expected|<=|input\.|is not valid:|EACCES|ENOENT|ENOTDIR/;

let root: { dir: string; cleanup: () => Promise<void> };
let service: VaultService;

type Refusal = { code: string; message: string; detail?: ErrorDetail };
type Result = { ok: true; value: unknown } | { ok: false; error: Refusal };
function refused(r: Result): Refusal {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

beforeEach(async () => {
  root = await tempDir();
  service = createVaultService({
    vaultDir: path.join(root.dir, 'vault'),
    kdf: TEST_KDF,
    nativeDialogs: false,
    emit: () => {},
  });
  const r = (await service.dispatch('vault.create', { passphrase: PASS })) as Result;
  expect(r.ok).toBe(true);
});

afterEach(async () => {
  await service.dispose();
  await root.cleanup();
});

describe('refused requests, in words', () => {
  it('an over-long title: its limit and its length, and what to do; nothing saved', async () => {
    const e = refused(
      (await service.dispatch('incidents.create', {
        input: { title: 'T'.repeat(543), occurredAt: { date: '2024-05-03' } },
      })) as Result,
    );
    expect(e).toEqual({
      code: 'INVALID_INPUT',
      message: 'The title can be up to 500 characters; it has 543. Shorten it, then save again.',
      // The same as data, for a window in Welsh (shared/plain-errors.ts plainIssueIn).
      detail: {
        issue: {
          code: 'too_big',
          path: ['input', 'title'],
          message: expect.any(String) as string,
          origin: 'string',
          maximum: 500,
          sent: { type: 'string', length: 543 },
        },
      },
    });
    expect(((await service.dispatch('incidents.list', {})) as { value: Incident[] }).value).toEqual([]);
  });

  it('too many handles, a missing force, an unknown field: plain words each', async () => {
    const handles = refused(
      (await service.dispatch('people.create', {
        input: { name: 'A', handles: Array.from({ length: 51 }, (_, i) => `@h${i}`) },
      })) as Result,
    );
    expect(handles.message).toBe('There can be up to 50 online handles; there are 51. Remove some, then save again.');
    const force = refused((await service.dispatch('cases.create', { input: { force: '', reference: 'R' } })) as Result);
    expect(force.message).toBe('Name the police force. Fill it in, then save again.');
    const extra = refused((await service.dispatch('cases.list', { sneaky: 1 })) as Result);
    expect(extra.message).toMatch(/^The app sent something this version does not know/);
    for (const m of [handles.message, force.message, extra.message]) expect(m).not.toMatch(SCHEMA_WORDS);
  });

  it("a file-system refusal reaches the window in words, not Node's codes", async () => {
    await service.lock('test');
    // A vault folder whose parent is a file: the folder cannot be made.
    const blocker = path.join(root.dir, 'a-file');
    await writeFile(blocker, 'x');
    await service.switchVault(path.join(blocker, 'vault'));
    const e = refused((await service.dispatch('vault.create', { passphrase: PASS })) as Result);
    expect(e.message).not.toMatch(SCHEMA_WORDS);
    expect(e.message).toBe('Cannot create the folder vault: part of its path is a file, not a folder.');
  });

  it('in Welsh: the window words the same refusals from their code and detail, with what to do', async () => {
    const welsh = (e: Refusal) => errorText('cy', e.code as ErrorCode, e.message, e.detail);
    const title = refused(
      (await service.dispatch('incidents.create', {
        input: { title: 'T'.repeat(543), occurredAt: { date: '2024-05-03' } },
      })) as Result,
    );
    expect(welsh(title)).toBe(
      'Gall y teitl fod hyd at 500 nod (543 ar hyn o bryd). Byrhewch y testun, yna cadwch eto.',
    );
    const force = refused(
      (await service.dispatch('cases.create', { input: { force: ' ', reference: '46/1' } })) as Result,
    );
    expect(welsh(force)).toBe('Enwch y llu heddlu. Llenwch y maes, yna cadwch eto.');
    await service.dispatch('vault.lock', {});
    const wrong = refused((await service.dispatch('vault.unlock', { passphrase: 'not it' })) as Result);
    expect(wrong.detail).toBeUndefined();
    expect(welsh(wrong)).toMatch(/^Nid yw’r cyfrinymadrodd hwnnw’n agor y gladdgell hon\./);
  });
});
