/**
 * `evidence-vault slot add|list|remove` (issue 15, item 4: the agent's own passphrase), end to end
 * against the built CLI: either passphrase unlocks, check passes (the header MAC holds), a wrong
 * owner passphrase changes nothing, the owner's slot cannot be removed, and once there are two
 * people list --json, incident history --json and log --json say who made each entry.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PASSPHRASE,
  addIncident,
  assertBuilt,
  expectCheckPasses,
  expectOk,
  expectOneLineError,
  initVault,
  listJson,
  removeDir,
  run,
  tempDir,
} from './helpers.js';

const AGENT = 'tulip harbour lantern seventy';
let work = '';

beforeAll(() => {
  assertBuilt();
  work = tempDir();
});
afterAll(() => removeDir(work));

interface SlotRow {
  id: string;
  kind: string;
  name: string;
  current: boolean;
}

async function slots(dir: string, env: Record<string, string | undefined> = {}): Promise<SlotRow[]> {
  const r = await run(['slot', 'list', dir, '--json'], { env });
  expectOk(r);
  return JSON.parse(r.stdout) as SlotRow[];
}

describe('slot add, list, remove', () => {
  test('the agent gets a passphrase: either unlocks, check passes, entries say who made them', async () => {
    const dir = path.join(work, 'two');
    const recoveryKey = await initVault(dir);
    expectOk(await run(['settings', 'set', dir, '--name', 'Alex Brown']));
    const first = await addIncident(dir);
    // Before a second passphrase: nothing new in the output.
    expect((await listJson(dir))[0]).not.toHaveProperty('enteredBy');

    const added = await run(['slot', 'add', dir, '--name', 'Sam (agent)'], {
      env: { EVIDENCE_VAULT_NEW_PASSPHRASE: AGENT },
    });
    expectOk(added);
    const id = added.stdout.trim().split('\n').pop() ?? '';
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(added.stdout).toContain('Added a passphrase for "Sam (agent)"');
    expect(readFileSync(path.join(dir, 'vault.json'), 'utf8')).not.toContain('Sam');

    expect(await slots(dir)).toEqual([
      { id: 'owner', kind: 'owner', name: 'Alex Brown', current: true },
      { id, kind: 'person', name: 'Sam (agent)', current: false },
      { id: 'recovery', kind: 'recovery', name: 'Recovery key', current: false },
    ]);
    const asAgent = { EVIDENCE_VAULT_PASSPHRASE: AGENT };
    expect((await slots(dir, asAgent)).find((s) => s.current)?.id).toBe(id);
    expect(
      (await slots(dir, { EVIDENCE_VAULT_PASSPHRASE: undefined, EVIDENCE_VAULT_RECOVERY_KEY: recoveryKey })).find(
        (s) => s.current,
      )?.id,
    ).toBe('recovery');

    // The agent edits the incident and adds one: each says so.
    expectOk(await run(['incident', 'edit', dir, first, '--description', 'By the agent'], { env: asAgent }));
    const second = await addIncident(dir, []);
    const list = await listJson(dir, asAgent);
    const one = list.find((i) => i.id === first) as unknown as Record<string, unknown>;
    expect(one).not.toHaveProperty('enteredBy'); // written before there were two
    expect(one.changedBy).toBe('Sam (agent)');
    const two = list.find((i) => i.id === second) as unknown as Record<string, unknown>;
    expect(two.enteredBy).toBe('Alex Brown');

    const history = await run(['incident', 'history', dir, first, '--json']);
    expectOk(history);
    const versions = JSON.parse(history.stdout) as { enteredBy?: string }[];
    expect(versions.map((v) => v.enteredBy)).toEqual([undefined, 'Sam (agent)']);
    const human = await run(['incident', 'history', dir, first]);
    expect(human.stdout).toContain('entered by Sam (agent)');

    const log = await run(['log', dir, '--json']);
    const entries = JSON.parse(log.stdout) as {
      action: string;
      details: Record<string, unknown>;
      enteredBy?: string;
    }[];
    expect(entries.find((e) => e.details.passphraseSlot === 'added')).toMatchObject({
      action: 'edit',
      details: { slotId: id, name: 'Sam (agent)' },
    });
    expect(entries.filter((e) => e.enteredBy === 'Sam (agent)').map((e) => e.action)).toContain('edit');
    await expectCheckPasses(dir);

    // Removed: the agent's passphrase stops working, the owner's goes on.
    const removed = await run(['slot', 'remove', dir, id]);
    expectOk(removed);
    expect(removed.stdout).toContain('Removed the passphrase of "Sam (agent)"');
    expectOneLineError(await run(['list', dir], { env: asAgent }), 3, /passphrase does not open this vault/);
    expect((await slots(dir)).map((s) => s.kind)).toEqual(['owner', 'recovery']);
    const after = JSON.parse((await run(['log', dir, '--json'])).stdout) as { details: Record<string, unknown> }[];
    expect(after.filter((e) => e.details.passphraseSlot !== undefined).map((e) => e.details.passphraseSlot)).toEqual([
      'added',
      'removed',
    ]);
    await expectCheckPasses(dir);
  });

  test('a wrong owner passphrase, a weak or reused one, a missing name: one line each, nothing changed', async () => {
    const dir = path.join(work, 'refused');
    await initVault(dir);
    const header = readFileSync(path.join(dir, 'vault.json'));
    expectOneLineError(
      await run(['slot', 'add', dir, '--name', 'Sam'], {
        env: { EVIDENCE_VAULT_PASSPHRASE: 'not the owner passphrase', EVIDENCE_VAULT_NEW_PASSPHRASE: AGENT },
      }),
      3,
      /passphrase does not open this vault/,
    );
    expectOneLineError(
      await run(['slot', 'add', dir, '--name', 'Sam'], { env: { EVIDENCE_VAULT_NEW_PASSPHRASE: 'short' } }),
      3,
      /the new passphrase will not do: use at least 10 characters/,
    );
    expectOneLineError(
      await run(['slot', 'add', dir, '--name', 'Sam'], { env: { EVIDENCE_VAULT_NEW_PASSPHRASE: PASSPHRASE } }),
      2,
      /already opens this vault/,
    );
    expectOneLineError(
      await run(['slot', 'add', dir], { env: { EVIDENCE_VAULT_NEW_PASSPHRASE: AGENT } }),
      2,
      /--name is needed/,
    );
    expectOneLineError(await run(['slot', 'add', dir, '--name', 'Sam']), 3, /no new passphrase/);
    expect(readFileSync(path.join(dir, 'vault.json'))).toEqual(header);
  });

  test("the owner's passphrase and the recovery key cannot be removed; the agent cannot remove anyone", async () => {
    const dir = path.join(work, 'remove');
    await initVault(dir);
    const added = await run(['slot', 'add', dir, '--name', 'Sam'], { env: { EVIDENCE_VAULT_NEW_PASSPHRASE: AGENT } });
    expectOk(added);
    const id = added.stdout.trim().split('\n').pop() ?? '';
    const header = readFileSync(path.join(dir, 'vault.json'));
    expectOneLineError(await run(['slot', 'remove', dir, 'owner']), 2, /owner's passphrase cannot be removed/);
    expectOneLineError(await run(['slot', 'remove', dir, 'recovery']), 2, /recovery key cannot be removed/);
    expectOneLineError(
      await run(['slot', 'remove', dir, id], { env: { EVIDENCE_VAULT_PASSPHRASE: AGENT } }),
      2,
      /Only the vault's owner can remove a passphrase/,
    );
    expectOneLineError(await run(['slot', 'remove', dir, 'f'.repeat(32)]), 2, /no further passphrase with id/);
    expectOneLineError(await run(['slot', 'remove', dir]), 2, /missing SLOT_ID/);
    expect(readFileSync(path.join(dir, 'vault.json'))).toEqual(header);
  });
});
