/**
 * `export --language cy` (or --lang cy) through the built CLI: the pack's human-readable files in
 * Welsh, case.json and bag-info saying so, the pack still verifying; a language it does not know
 * is one line, exit 2, and nothing is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertBuilt, expectOk, expectOneLineError, removeDir, run, tempDir, vaultWithLetter } from './helpers.js';
import { run as runTool } from '../support/pack.js';

let work = '';
let vault = '';

beforeAll(async () => {
  assertBuilt();
  work = tempDir();
  vault = await vaultWithLetter(work);
});
afterAll(() => removeDir(work));

describe('export --language', () => {
  test('--lang cy: README, PDF and viewer in Welsh; case.json and bag-info say cy; it verifies', async () => {
    const out = path.join(work, 'welsh');
    const r = await run(['export', vault, '--out', out, '--initials', 'JS', '--lang', 'cy']);
    expect(r.code, r.stderr).toBe(0);
    const readme = readFileSync(path.join(out, 'data/README.txt'), 'utf8');
    expect(readme).toMatch(/^PECYN ACHOS EVP-/);
    expect(readme).toContain('Sut i wirio nad oes dim wedi newid');
    const pdf = (await runTool('pdftotext', [path.join(out, 'data/chronology.pdf'), '-'])).stdout;
    expect(pdf).toContain('Crynodeb i’r heddlu');
    expect(pdf).toContain('Maw 12/11/2019 20:15 GMT');
    const caseJson = JSON.parse(readFileSync(path.join(out, 'data/case.json'), 'utf8')) as { language?: string };
    expect(caseJson.language).toBe('cy');
    expect(readFileSync(path.join(out, 'bag-info.txt'), 'utf8')).toContain('Language: cy\n');
    expectOk(await run(['verify', out]));
  });

  test('--language en is the default wording', async () => {
    const out = path.join(work, 'english');
    expectOk(await run(['export', vault, '--out', out, '--initials', 'JS', '--language', 'en']));
    expect(readFileSync(path.join(out, 'data/README.txt'), 'utf8')).toMatch(/^CASE PACK EVP-/);
  });

  test('an unknown language: one line, exit 2, nothing written', async () => {
    const out = path.join(work, 'klingon');
    const r = await run(['export', vault, '--out', out, '--initials', 'JS', '--language', 'tlh']);
    expectOneLineError(r, 2, /--language "tlh": use en \(English\) or cy \(Welsh, Cymraeg\)/);
    expect(existsSync(out)).toBe(false);
  });

  test('--language and --lang that disagree: one line, exit 2', async () => {
    const out = path.join(work, 'both');
    const r = await run(['export', vault, '--out', out, '--language', 'cy', '--lang', 'en']);
    expectOneLineError(r, 2, /--language cy and --lang en disagree/);
    expect(existsSync(out)).toBe(false);
  });

  test('the help names --language', async () => {
    const r = await run(['export', '--help']);
    expect(r.stdout).toContain('--language en|cy');
  });
});
