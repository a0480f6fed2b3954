/**
 * Issue 13 items 2, 4 and 6 against the built binary: exhibit show / edit / add-physical, list
 * --json's kind, details and physical, a physical item through check, export and delete-free
 * reads; and every bad input giving one clear line and changing nothing (list --json and the
 * record-changing activity log compared before and after).
 */
import path from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  PASSPHRASE,
  addIncident,
  assertBuilt,
  custodyLog,
  expectCheckPasses,
  expectOk,
  expectOneLineError,
  initVault,
  removeDir,
  run,
  tempDir,
  vaultState,
} from './helpers.js';

interface ListedExhibit {
  id: string;
  name: string;
  size: number;
  sha256: string;
  kind: 'file' | 'physical';
  details: Record<string, unknown> & { description: string; source: Record<string, string> };
  physical?: { keptAt: string; handledBy: string };
}

let work = '';
let vault = '';
let incidentId = '';
let fileId = '';
let itemId = '';

async function exhibits(): Promise<ListedExhibit[]> {
  const r = await run(['list', vault, '--json']);
  expectOk(r);
  return (JSON.parse(r.stdout) as { exhibits: ListedExhibit[] }[]).flatMap((i) => i.exhibits);
}

beforeAll(async () => {
  assertBuilt();
  work = tempDir('ev-cli-exhibit-');
  vault = path.join(work, 'vault');
  await initVault(vault);
  incidentId = await addIncident(vault, ['--attach', path.join(FIXTURES, 'post-1.png')]);
  const r = await run([
    'exhibit',
    'add-physical',
    vault,
    incidentId,
    '--description',
    'Letter and its envelope, handwritten',
    '--kept-at',
    'Office safe, paper envelope',
    '--handled-by',
    'Me',
  ]);
  expectOk(r);
  expect(r.stdout).toMatch(
    /^Added physical item "Letter and its envelope, handwritten" to incident [0-9a-f]{32}, kept at Office safe, paper envelope\.\n/,
  );
  itemId = r.stdout.trim().split('\n').pop() ?? '';
  expect(itemId).toMatch(/^[0-9a-f]{32}$/);
  fileId = (await exhibits()).find((x) => x.kind === 'file')?.id ?? '';
});
afterAll(() => removeDir(work));

describe('physical items', () => {
  test('list --json gives kind, details and physical; the text list says where it is kept', async () => {
    const list = await exhibits();
    expect(list.map((x) => x.kind)).toEqual(['file', 'physical']);
    const item = list.find((x) => x.id === itemId);
    expect(item).toMatchObject({
      name: 'Letter and its envelope, handwritten',
      size: 0,
      sha256: '',
      physical: { keptAt: 'Office safe, paper envelope', handledBy: 'Me' },
      details: { description: 'Letter and its envelope, handwritten' },
    });
    expect(list.find((x) => x.id === fileId)).not.toHaveProperty('physical');
    const text = await run(['list', vault]);
    expectOk(text);
    expect(text.stdout).toContain(
      `Letter and its envelope, handwritten  physical item, kept at Office safe, paper envelope  (exhibit ${itemId})`,
    );
  });

  test('show prints it plainly; check passes; the pack lists it with no file', async () => {
    const r = await run(['exhibit', 'show', vault, itemId]);
    expectOk(r);
    expect(r.stdout).toMatch(/^Exhibit \(no reference yet\): Letter and its envelope, handwritten\n/);
    expect(r.stdout).toMatch(/Physical item \(no file\)\n/);
    expect(r.stdout).toMatch(/ {2}Kept at +Office safe, paper envelope\n/);
    expect(r.stdout).toMatch(/ {2}Handled by +Me\n/);
    expect(r.stdout).toMatch(/ {2}Added to the vault +\d\d\/\d\d\/\d{4} \d\d:\d\d UK time \((GMT|BST)\)\n/);
    expect(r.stdout).not.toMatch(/SHA-256/);
    await expectCheckPasses(vault);

    const out = path.join(work, 'pack');
    expectOk(await run(['export', vault, '--out', out, '--initials', 'AB']));
    expect(readdirSync(path.join(out, 'data/exhibits'))).toHaveLength(1);
    const c = JSON.parse(readFileSync(path.join(out, 'data/case.json'), 'utf8')) as {
      exhibits: { exhibitId: string; kind?: string; physical?: { keptAt: string } }[];
    };
    expect(c.exhibits.find((x) => x.exhibitId === itemId)).toMatchObject({
      kind: 'physical',
      physical: { keptAt: 'Office safe, paper envelope' },
    });
    const verified = await run(['verify', out]);
    expect(verified.code, verified.stderr).toBe(0);
  });

  test('editing where it is kept keeps the version before and logs physical.keptAt', async () => {
    const r = await run(['exhibit', 'edit', vault, itemId, '--kept-at', 'Handed to PC 123 Smith']);
    expectOk(r);
    expect(r.stdout).toBe(
      // The export above set the vault's initials, so the item now has its permanent reference.
      'Exhibit AB/2 updated; the version before is kept (1 earlier in all).\n',
    );
    const shown = await run(['exhibit', 'show', vault, itemId, '--json']);
    expectOk(shown);
    const json = JSON.parse(shown.stdout) as ListedExhibit & { earlierVersions: { physical?: { keptAt: string } }[] };
    expect(json.physical).toEqual({ keptAt: 'Handed to PC 123 Smith', handledBy: 'Me' });
    expect(json.earlierVersions.map((v) => v.physical?.keptAt)).toEqual(['Office safe, paper envelope']);
    const edit = (await custodyLog(vault)).filter((e) => e.action === 'edit' && e.subjectId === itemId);
    expect(edit.map((e) => e.details.changed)).toEqual([['physical.keptAt']]);
  });
});

describe('exhibit edit and show on a file', () => {
  test('only the fields given change; the earlier version is kept; the activity log names the fields', async () => {
    const r = await run([
      'exhibit',
      'edit',
      vault,
      fileId,
      '--description',
      'Screenshot of the post',
      '--obtained-how',
      'screenshot',
      '--obtained-at',
      '2024-05-03T21:45+01:00',
      '--source',
      'https://social.example/p/1',
      '--platform',
      'Example Social',
      '--handle',
      '@someone',
      '--account-id',
      '123456789',
    ]);
    expectOk(r);
    const second = await run([
      'exhibit',
      'edit',
      vault,
      fileId,
      '--original-location',
      'On my laptop, Pictures folder',
      '--changed-by-me',
      'Cropped in Photos',
    ]);
    expectOk(second);
    const x = (await exhibits()).find((e) => e.id === fileId);
    expect(x?.details).toMatchObject({
      description: 'Screenshot of the post',
      obtainedHow: 'screenshot',
      obtainedAt: '2024-05-03T21:45+01:00',
      originalLocation: 'On my laptop, Pictures folder',
      changedByMe: 'Cropped in Photos',
      source: {
        url: 'https://social.example/p/1',
        platform: 'Example Social',
        handle: '@someone',
        accountId: '123456789',
      },
    });
    const edits = (await custodyLog(vault)).filter((e) => e.action === 'edit' && e.subjectId === fileId);
    expect(edits.map((e) => e.details.changed)).toEqual([
      [
        'details.description',
        'details.obtainedAt',
        'details.obtainedHow',
        'details.source.accountId',
        'details.source.handle',
        'details.source.platform',
        'details.source.url',
      ],
      ['details.changedByMe', 'details.originalLocation'],
    ]);

    const json = await run(['exhibit', 'show', vault, fileId, '--json']);
    expectOk(json);
    const shown = JSON.parse(json.stdout) as ListedExhibit & {
      earlierVersions: { details: { description: string; changedByMe: string } }[];
      warnings: string[];
    };
    expect(shown).toMatchObject({ id: fileId, kind: 'file', name: 'post-1.png', warnings: [] });
    expect(shown.earlierVersions.map((v) => [v.details.description, v.details.changedByMe])).toEqual([
      ['', ''],
      ['Screenshot of the post', ''],
    ]);

    const text = await run(['exhibit', 'show', vault, fileId]);
    expectOk(text);
    for (const line of [
      /^Exhibit AB\/1: post-1\.png\n/,
      / {2}Last modified on the computer it came from +\d\d\/\d\d\/\d{4} \d\d:\d\d UK time \((GMT|BST)\)\n/,
      / {2}How it was obtained +Screenshot taken on this computer\n/,
      / {2}Obtained on +03\/05\/2024 21:45 UK time \(BST\)\n/,
      / {2}Source \(URL\) +https:\/\/social\.example\/p\/1\n/,
      / {2}Account id +123456789\n/,
      / {2}Where the original is now +On my laptop, Pictures folder\n/,
      / {2}Changed by me +Cropped in Photos\n/,
      /2 earlier versions are kept of what I say about it/,
    ]) {
      expect(text.stdout).toMatch(line);
    }
  });

  test('help lists the obtained-how kinds', async () => {
    const r = await run(['exhibit', '--help']);
    expectOk(r);
    expect(r.stdout).toContain('screenshot (screenshot taken on this computer)');
    expect(r.stdout).toContain('exhibit add-physical DIR INCIDENT_ID --description D --kept-at TEXT');
    const general = await run(['--help']);
    expect(general.stdout).toMatch(/\n {2}exhibit +show, describe/);
  });
});

describe('bad input: one clear line, nothing changed', () => {
  test.each([
    [
      'an unknown --obtained-how lists the kinds',
      () => ['exhibit', 'edit', vault, fileId, '--obtained-how', 'stolen'],
      /unknown --obtained-how "stolen"; the kinds are: screenshot, phone-photo, app-export, saved-email, paper-scan, recording, other$/,
    ],
    [
      'an over-long description',
      () => ['exhibit', 'edit', vault, fileId, '--description', 'x'.repeat(10_001)],
      /--description is not valid: too long \(at most 10,000 characters\)$/,
    ],
    [
      'an over-long source URL',
      () => ['exhibit', 'edit', vault, fileId, '--source', `https://e.example/${'p'.repeat(2000)}`],
      /--source is not valid: too long \(at most 2,000 characters\)$/,
    ],
    [
      'an impossible --obtained-at',
      () => ['exhibit', 'edit', vault, fileId, '--obtained-at', '2024-02-30'],
      /--obtained-at: impossible date "2024-02-30"/,
    ],
    [
      'an unknown exhibit id',
      () => ['exhibit', 'edit', vault, 'f'.repeat(32), '--description', 'x'],
      /there is no exhibit with id f{32} in this vault .*evidence-vault list/,
    ],
    [
      'show with an unknown exhibit id',
      () => ['exhibit', 'show', vault, 'f'.repeat(32)],
      /there is no exhibit with id/,
    ],
    ['not an id', () => ['exhibit', 'show', vault, 'AB/1'], /"AB\/1" is not an exhibit id/],
    ['edit with no field', () => ['exhibit', 'edit', vault, fileId], /give at least one field to change/],
    [
      '--kept-at on a file',
      () => ['exhibit', 'edit', vault, fileId, '--kept-at', 'Safe'],
      /is a file, not a physical item/,
    ],
    [
      'an empty --kept-at on a physical item',
      () => ['exhibit', 'edit', vault, itemId, '--kept-at', ' '],
      /--kept-at: Say where the item is kept/,
    ],
    [
      'add-physical with no --kept-at',
      () => ['exhibit', 'add-physical', vault, incidentId, '--description', 'Envelope'],
      /--kept-at is needed/,
    ],
    [
      'add-physical with no --description',
      () => ['exhibit', 'add-physical', vault, incidentId, '--kept-at', 'Safe'],
      /--description is needed/,
    ],
    [
      'add-physical to an unknown incident',
      () => ['exhibit', 'add-physical', vault, 'e'.repeat(32), '--description', 'Envelope', '--kept-at', 'Safe'],
      /there is no incident with id e{32}/,
    ],
    ['an unknown subcommand', () => ['exhibit', 'remove', vault, fileId], /"remove" is not show, edit or add-physical/],
    ['an unknown option', () => ['exhibit', 'edit', vault, fileId, '--colour', 'red'], /unknown option '--colour'/],
  ])('%s', async (_what, args, message) => {
    const before = await vaultState(vault);
    const r = await run(args());
    expectOneLineError(r, 2, message);
    expect(await vaultState(vault)).toEqual(before);
  });

  test('editing a deleted exhibit: there is no exhibit, nothing changes', async () => {
    // Deleting goes through the incident (the CLI has no exhibit delete): a second incident's exhibit.
    const other = await addIncident(vault, ['--attach', path.join(FIXTURES, 'post-2.png')]);
    const gone = (await exhibits()).filter((x) => x.kind === 'file').pop()?.id ?? '';
    expect(other).toMatch(/^[0-9a-f]{32}$/);
    // The service deletes: a vault with the exhibit removed is what the window's delete leaves.
    const { createVaultService } = await import('../../electron/service/index.js');
    const { TEST_KDF } = await import('../../electron/core/crypto/index.js');
    const service = createVaultService({ vaultDir: vault, kdf: TEST_KDF, nativeDialogs: false, emit: () => undefined });
    try {
      await service.call('vault.unlock', { passphrase: PASSPHRASE });
      await service.call('exhibits.delete', { id: gone, reason: 'Added by mistake' });
    } finally {
      await service.dispose();
    }
    const before = await vaultState(vault);
    const r = await run(['exhibit', 'edit', vault, gone, '--description', 'too late']);
    expectOneLineError(r, 2, /there is no exhibit with id [0-9a-f]{32} in this vault \(it may have been deleted\)/);
    expect(await vaultState(vault)).toEqual(before);
  });
});
