/**
 * Issue 12 through the built CLI: incident edit (a new version, only the options given change),
 * incident history --json, incident delete --reason (to the bin, a tombstone in log --json),
 * incident restore, and list --json's writtenAt and changedAt. Bad input: a clear line, the exit
 * code, and nothing changed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  addIncident,
  assertBuilt,
  custodyLog,
  expectCheckPasses,
  expectOk,
  expectOneLineError,
  folderDigest,
  initVault,
  listJson,
  removeDir,
  run,
  tempDir,
  vaultState,
} from './helpers.js';

let work = '';
let vault = '';
let id = '';

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = path.join(work, 'vault');
  await initVault(vault);
  id = await addIncident(vault, [
    '--description',
    'A man shouted outside the office.',
    '--attach',
    path.join(FIXTURES, 'letter.pdf'),
  ]);
});
afterAll(() => removeDir(work));

interface Version {
  version: number;
  writtenAt: string;
  changed: string[];
  incident: { id: string; title: string; description: string; occurredAt: string; createdAt: string };
}

async function history(): Promise<Version[]> {
  const r = await run(['incident', 'history', vault, id, '--json']);
  expectOk(r);
  return JSON.parse(r.stdout) as Version[];
}

describe('incident edit and history', () => {
  test('a new incident is version 1; list --json says when it was written and that it never changed', async () => {
    const [v1, ...rest] = await history();
    expect(rest).toEqual([]);
    expect(v1).toMatchObject({ version: 1, changed: [], incident: { id, title: 'Incident' } });
    const [listed] = (await listJson(vault)) as unknown as {
      writtenAt: string;
      changedAt: string | null;
      createdAt: string;
    }[];
    expect(listed!.writtenAt).toBe(listed!.createdAt);
    expect(listed!.writtenAt).toBe(v1!.writtenAt);
    expect(listed!.changedAt).toBeNull();
  });

  test('edit changes only the options given and keeps every earlier version', async () => {
    const r = await run(['incident', 'edit', vault, id, '--description', 'A man shouted and kicked the door.']);
    expectOk(r);
    expect(r.stdout).toBe(`Saved a new version of incident "Incident" (changed: description).\n${id}\n`);
    const r2 = await run([
      'incident',
      'edit',
      vault,
      id,
      '--title',
      'Shouting at the door',
      '--category',
      'harassment',
    ]);
    expectOk(r2);
    expect(r2.stdout).toContain('(changed: title, categories)');

    const h = await history();
    expect(h.map((v) => [v.version, v.changed])).toEqual([
      [1, []],
      [2, ['description']],
      [3, ['title', 'categories']],
    ]);
    expect(h[0]!.incident.description).toBe('A man shouted outside the office.');
    expect(h[1]!.incident.description).toBe('A man shouted and kicked the door.');
    expect(h[2]!.incident).toMatchObject({ title: 'Shouting at the door', occurredAt: '2024-05-03T21:40+01:00' });
    expect(h.every((v) => /^\d{4}-\d\d-\d\dT.*Z$/.test(v.writtenAt))).toBe(true);

    const [listed] = (await listJson(vault)) as unknown as {
      title: string;
      description: string;
      changedAt: string | null;
      exhibits: unknown[];
    }[];
    expect(listed).toMatchObject({ title: 'Shouting at the door', description: 'A man shouted and kicked the door.' });
    expect(listed!.changedAt).toBe(h[2]!.writtenAt);
    expect(listed!.exhibits).toHaveLength(1);

    const edits = (await custodyLog(vault)).filter((e) => e.action === 'edit' && e.subjectId === id);
    expect(edits.map((e) => e.details.changed)).toEqual([['description'], ['title', 'categories']]);

    // Human-readable history: UK dates, 24-hour times, the zone named.
    const text = await run(['incident', 'history', vault, id]);
    expectOk(text);
    expect(text.stdout).toMatch(/^Version 1 {2}\d\d\/\d\d\/\d{4} \d\d:\d\d UK time \(GMT\/BST\) {2}first written$/m);
    expect(text.stdout).toMatch(/^Version 3 .* changed: title, categories$/m);
  });

  test('bad edits: a clear line, exit 2, nothing changed', async () => {
    const before = await vaultState(vault);
    const cases: [string[], RegExp][] = [
      [['incident', 'edit', vault, id], /nothing to change/],
      [['incident', 'edit', vault, id, '--title', '  '], /--title is needed/],
      [['incident', 'edit', vault, id, '--occurred-at', '2024-02-30'], /impossible date/],
      [['incident', 'edit', vault, id, '--category', 'vandalism'], /unknown category "vandalism"/],
      [['incident', 'edit', vault, 'f'.repeat(32), '--title', 'X'], /There is no incident with id f{32}/],
      [['incident', 'frobnicate', vault, id], /"frobnicate" is not edit, history, delete, restore/],
      [['incident', 'history', vault], /missing DIR and ID/],
    ];
    for (const [args, pattern] of cases) expectOneLineError(await run(args), 2, pattern);
    expect(await vaultState(vault)).toEqual(before);
  });
});

describe('incident delete and restore', () => {
  test('delete without a reason: usage error, exit 2, the vault folder byte for byte unchanged', async () => {
    const before = folderDigest(vault);
    for (const args of [
      ['incident', 'delete', vault, id],
      ['incident', 'delete', vault, id, '--reason', '   '],
    ]) {
      const r = await run(args);
      expectOneLineError(r, 2, /--reason is needed: say why it is being deleted .*nothing was deleted/);
      expect(r.stdout).toBe('');
    }
    expect(folderDigest(vault)).toEqual(before);
  });

  test('delete moves it to the bin with a tombstone in log --json; restore brings it back with its exhibit', async () => {
    const [before] = (await listJson(vault)) as unknown as { exhibits: { id: string; sha256: string }[] }[];
    const r = await run(['incident', 'delete', vault, id, '--reason', 'Entered twice']);
    expectOk(r);
    expect(r.stdout).toMatch(
      /^Moved incident "Shouting at the door" and its 1 exhibit to the bin\. It can be restored until \d\d\/\d\d\/\d{4} \d\d:\d\d UK time \(GMT\/BST\) with "evidence-vault incident restore .*"\.\n$/,
    );
    expect(await listJson(vault)).toEqual([]);
    await expectCheckPasses(vault); // the bin's file is referenced, not an orphan

    const tomb = (await custodyLog(vault)).find((e) => e.action === 'delete' && e.subjectKind === 'incident');
    expect(tomb).toMatchObject({ subjectId: id, details: { reason: 'Entered twice', title: 'Shouting at the door' } });
    expect(tomb!.details.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Its history is kept in the bin.
    expect(await history()).toHaveLength(3);

    const back = await run(['incident', 'restore', vault, id]);
    expectOk(back);
    expect(back.stdout).toBe('Restored incident "Shouting at the door" with its 1 exhibit from the bin.\n');
    const [after] = (await listJson(vault)) as unknown as { exhibits: { id: string; sha256: string }[] }[];
    expect(after!.exhibits).toEqual(before!.exhibits);
    const log = await custodyLog(vault);
    expect(log.filter((e) => e.action === 'restore').map((e) => e.subjectKind)).toEqual(['incident', 'exhibit']);
    await expectCheckPasses(vault);

    // Restoring again: nothing in the bin, a clear line, exit 2, nothing changed.
    const state = await vaultState(vault);
    expectOneLineError(await run(['incident', 'restore', vault, id]), 2, /There is nothing in the bin with id/);
    expect(await vaultState(vault)).toEqual(state);
  });
});
