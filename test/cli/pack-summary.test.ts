/**
 * The summary for police through the built CLI (issue 14): `settings set` keeps the producer's
 * constituency, election date, safe contact and times to avoid; `export` asks in one line for what
 * the summary lacks (name, role, recipient, crime reference) and says the defence may see the
 * pack; given with --name, --role, --recipient and --crime-reference, they are printed in the PDF.
 * A bad election date is one line, exit 2, and changes nothing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertBuilt,
  changes,
  custodyLog,
  expectOk,
  expectOneLineError,
  removeDir,
  run,
  tempDir,
  vaultWithLetter,
} from './helpers.js';
import { run as runTool } from '../support/pack.js';

let work = '';
let vault = '';

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = await vaultWithLetter(work);
});
afterAll(() => removeDir(work));

const pdfText = async (pack: string): Promise<string> =>
  (await runTool('pdftotext', ['-layout', path.join(pack, 'data/chronology.pdf'), '-'])).stdout.replace(/\s+/g, ' ');

describe('the summary for police from the CLI', () => {
  test('export without a name, role, recipient or crime reference: one line saying which flags give them; the defence note', async () => {
    const out = path.join(work, 'bare');
    const r = await run(['export', vault, '--out', out, '--initials', 'JS']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^To complete: the summary for police has a blank to fill in by hand for your name, your role, who it is for, the crime reference\. Export again with --name, --role, --recipient, --crime-reference/m,
    );
    expect(r.stdout).toMatch(/^The defence may see what you send/m);
    const text = await pdfText(out);
    expect(text).toContain('Summary for police');
    expect(text).not.toContain('(not given)');
    expect(text).toMatch(/Name: _{10,}/);
  });

  test('settings set keeps constituency, election date, safe contact and times to avoid; the PDF shows them', async () => {
    const r = await run([
      'settings',
      'set',
      vault,
      '--initials',
      'JS',
      '--name',
      'Jane Smith',
      '--role',
      'Parliamentary candidate',
      '--constituency',
      'Ashford',
      '--election-date',
      '2019-12-12',
      '--safe-contact',
      'Text my agent first',
      '--avoid',
      'Hustings evenings',
    ]);
    expectOk(r);
    expect(r.stdout).toContain('Constituency: Ashford');
    expect(r.stdout).toContain('Election date: 12/12/2019');
    const out = path.join(work, 'full');
    const e = await run([
      'export',
      vault,
      '--out',
      out,
      '--recipient',
      'PC 1234 Patel, Kent Police',
      '--crime-reference',
      '46/12345/19',
    ]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).not.toMatch(/To complete/);
    const text = await pdfText(out);
    expect(text).toContain('Name: Jane Smith');
    expect(text).toContain('Role: Parliamentary candidate, Ashford');
    expect(text).toContain('Election: Thu 12/12/2019');
    expect(text).toContain('Safe way to make contact: Text my agent first');
    expect(text).toContain('Prepared for: PC 1234 Patel, Kent Police');
    expect(text).toContain('Crime reference given for this pack: 46/12345/19');
  });

  test('--name and --role at export are for that pack only; the settings keep theirs', async () => {
    const out = path.join(work, 'agent');
    const e = await run(['export', vault, '--out', out, '--name', 'Sam Agent', '--role', 'Election agent']);
    expect(e.code, e.stderr).toBe(0);
    const text = await pdfText(out);
    expect(text).toContain('Name: Sam Agent');
    expect(text).toContain('Role: Election agent, Ashford');
    const again = await run(['settings', 'set', vault, '--constituency', 'Ashford']);
    expect(again.stdout).toContain('Name: Jane Smith');
  });

  test('a bad --election-date is one line, exit 2, and nothing changes', async () => {
    const before = changes(await custodyLog(vault)).length;
    const r = await run(['settings', 'set', vault, '--election-date', '12/12/2019', '--name', 'Not saved']);
    expectOneLineError(r, 2, /--election-date "12\/12\/2019" is not a date: give it as YYYY-MM-DD/);
    expect(changes(await custodyLog(vault)).length).toBe(before);
    const again = await run(['settings', 'set', vault, '--constituency', 'Ashford']);
    expect(again.stdout).toContain('Name: Jane Smith');
  });
});
