/**
 * A vault made by release 0.1.0 (test/fixtures/vault-0.1.0, see its README) still opens, lists and
 * checks with today's built CLI. The fixture is copied first: opening a vault appends to its log.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, assertBuilt, run } from './helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/vault-0.1.0');
const env = { EVIDENCE_VAULT_PASSPHRASE: 'correct horse battery staple' };
let work: string;
let dir: string;

beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(path.join(tmpdir(), 'ev-release-'));
  dir = path.join(work, 'vault');
  cpSync(FIXTURE, dir, { recursive: true, filter: (p) => !p.endsWith('README.md') });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a vault made by release 0.1.0', () => {
  it('lists its three incidents and four exhibits, oldest first, with their hashes', async () => {
    const r = await run(['list', dir, '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const incidents = JSON.parse(r.stdout) as { title: string; exhibits: { name: string; sha256: string }[] }[];
    expect(incidents.map((i) => i.title)).toEqual([
      'Leaflet torn down and note left',
      'Threatening e-mail',
      'Car scratched outside the office',
    ]);
    expect(incidents.flatMap((i) => i.exhibits.map((e) => e.name)).sort()).toEqual(
      ['damage.jpg', 'email-2.eml', 'letter.pdf', 'post-1.png'].sort(),
    );
    for (const e of incidents.flatMap((i) => i.exhibits)) expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives its exhibits permanent references once, in chronological order, and keeps them', async () => {
    const refsOf = async (): Promise<string[]> => {
      const r = await run(['list', dir, '--json'], { env });
      expect(r.code).toBe(0);
      const incidents = JSON.parse(r.stdout) as { exhibits: { ref?: string }[] }[];
      return incidents.flatMap((i) => i.exhibits.map((e) => e.ref ?? '(none)'));
    };
    expect(await refsOf()).toEqual(['AB/1', 'AB/2', 'AB/3', 'AB/4']);
    expect(await refsOf()).toEqual(['AB/1', 'AB/2', 'AB/3', 'AB/4']);
  });

  it('checks clean: every record, exhibit and log entry verified', async () => {
    const r = await run(['check', dir], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('opens with its recovery key too', async () => {
    const r = await run(['list', dir], {
      env: {
        EVIDENCE_VAULT_PASSPHRASE: undefined,
        EVIDENCE_VAULT_RECOVERY_KEY: 'Q2K6-5X2N-Y6C3-Y4XC-8CVT-MC26-CQV6-W5V4-8YX0-4TAD-WZQ4-FXM9-ZJQH-VJBY',
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Threatening e-mail');
  });
});
