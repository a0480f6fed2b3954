/**
 * Errors in plain English with a next step (issue 15, item 6): one test per family of message the
 * window could otherwise show in schema, BagIt, Node or SQLite terms, built from the real schemas.
 */
import { describe, expect, it } from 'vitest';
import { CaseInputSchema, ContactInputSchema, IncidentInputSchema, PersonInputSchema } from './model.js';
import { fieldName, plainIssue, plainPackProblem, plainSystemText } from './plain-errors.js';

const SCHEMA_WORDS =
  /Too big|Too small|expected|Invalid input|<=|>=|input\.|\.title|Payload-Oxum|manifest|EACCES|SQLITE/;

function firstIssue(
  schema: { safeParse(x: unknown): { success: boolean; error?: { issues: unknown[] } } },
  x: unknown,
) {
  const r = schema.safeParse(x);
  expect(r.success).toBe(false);
  return r.error!.issues[0] as Parameters<typeof plainIssue>[0];
}

describe('a refused field, in words', () => {
  it('too long: the field by name, its limit and how long it is, and what to do', () => {
    const input = { title: 'x'.repeat(543), occurredAt: { date: '2024-05-03' } };
    const msg = plainIssue(firstIssue(IncidentInputSchema, input), input);
    expect(msg).toBe('The title can be up to 500 characters; it has 543. Shorten it, then save again.');
    // Nested in a request, with thousands written the UK way.
    const req = { input: { title: 'Ok', occurredAt: { date: '2024-05-03' }, location: 'y'.repeat(2_345) } };
    const issue = firstIssue(IncidentInputSchema, req.input);
    expect(plainIssue({ ...issue, path: ['input', ...issue.path] }, req)).toBe(
      'The place can be up to 2,000 characters; it has 2,345. Shorten it, then save again.',
    );
    const contact = { kind: 'spoc', notes: 'n'.repeat(10_001) };
    expect(plainIssue(firstIssue(ContactInputSchema, contact), contact)).toBe(
      'The notes can be up to 10,000 characters; it has 10,001. Shorten it, then save again.',
    );
  });

  it('too many: the list by name and how many there are', () => {
    const person = { name: 'A', handles: Array.from({ length: 51 }, (_, i) => `@h${i}`) };
    expect(plainIssue(firstIssue(PersonInputSchema, person), person)).toBe(
      'There can be up to 50 online handles; there are 51. Remove some, then save again.',
    );
  });

  it('missing: our own words kept as a sentence, with what to do', () => {
    const c = { force: ' ', reference: 'R' };
    expect(plainIssue(firstIssue(CaseInputSchema, c), c)).toBe('Name the police force. Fill it in, then save again.');
  });

  it('a choice not on the list, the wrong kind of value, an unknown field', () => {
    const bad = { kind: 'neighbour' };
    expect(plainIssue(firstIssue(ContactInputSchema, bad), bad)).toBe(
      'The kind is not one of the choices. Choose it from the list, then save again.',
    );
    const wrong = { title: 42, occurredAt: { date: '2024-05-03' } };
    expect(plainIssue(firstIssue(IncidentInputSchema, wrong), wrong)).toBe(
      'The title is not the right kind of value. Enter it again, then save again.',
    );
    expect(plainIssue({ code: 'unrecognized_keys', path: [], message: 'Unrecognized key: "x"', keys: ['x'] })).toMatch(
      /^The app sent something this version does not know\. Reload the window/,
    );
    expect(fieldName(['input', 'identifiers', 2, 'accountId'])).toBe('account id');
    expect(fieldName(['input', 'someNewField'])).toBe('some new field');
  });

  it('never schema text', () => {
    const inputs: [Parameters<typeof plainIssue>[0], unknown][] = [
      [firstIssue(IncidentInputSchema, { title: 'x'.repeat(600), occurredAt: { date: '2024-05-03' } }), undefined],
      [firstIssue(IncidentInputSchema, { title: '', occurredAt: { date: '2024-05-03' } }), undefined],
      [firstIssue(ContactInputSchema, { kind: 'x' }), undefined],
    ];
    for (const [issue, input] of inputs) expect(plainIssue(issue, input)).not.toMatch(SCHEMA_WORDS);
  });
});

describe('a case pack check problem, in words', () => {
  it('Payload-Oxum, manifests, changed and missing files, signatures: what it means and what to do', () => {
    const oxum = plainPackProblem({
      kind: 'oxum',
      path: 'bag-info.txt',
      message: 'Payload-Oxum says 1234.5 (bytes.files) but the pack holds 1200.5',
    });
    expect(oxum).toBe(
      'The pack does not hold the number or size of files it says it does: a file may have been added, removed or cut short. Ask whoever sent the pack for a fresh copy, straight from their Evidence Vault.',
    );
    expect(
      plainPackProblem({
        kind: 'changed',
        path: 'data/exhibits/AB-01-post.png',
        message: 'data/exhibits/AB-01-post.png has changed: its SHA-256 differs from manifest-sha256.txt',
      }),
    ).toMatch(/^“data\/exhibits\/AB-01-post\.png” has changed since the pack was made/);
    expect(plainPackProblem({ kind: 'missing', message: 'tagmanifest-sha256.txt is missing' })).toMatch(
      /^A list the pack uses to check its files is missing/,
    );
    expect(
      plainPackProblem({
        kind: 'signature',
        message: 'the signature over tagmanifest-sha256.txt is not valid for the pack’s signing key',
      }),
    ).toMatch(/^The pack's signature does not match its contents/);
    for (const kind of ['bag', 'missing', 'extra', 'changed', 'oxum', 'signature', 'unreadable']) {
      expect(plainPackProblem({ kind, path: 'data/x', message: 'manifest-sha256.txt: Payload-Oxum' })).not.toMatch(
        /Payload-Oxum|manifest|SHA-256/,
      );
    }
  });
});

describe('Node and SQLite text, in words', () => {
  it('file system codes and database errors become what they mean; the rest stays', () => {
    expect(plainSystemText("Cannot create the folder /v: EACCES: permission denied, mkdir '/v'.")).toBe(
      'Cannot create the folder /v: this computer does not allow Evidence Vault to use it.',
    );
    expect(plainSystemText("Cannot read /v/vault.json: ENOENT: no such file or directory, open '/v/vault.json'.")).toBe(
      'Cannot read /v/vault.json: it is not there.',
    );
    expect(plainSystemText('x could not be read (EIO: i/o error, read)')).toBe(
      'x could not be read (the disk could not be read)',
    );
    expect(plainSystemText('The vault cannot be opened: database disk image is malformed.')).toBe(
      'The vault cannot be opened: the vault’s database is damaged.',
    );
    expect(plainSystemText('SQLITE_BUSY: database is locked')).not.toMatch(/SQLITE/);
    expect(plainSystemText('The title can be up to 500 characters; it has 543.')).toBe(
      'The title can be up to 500 characters; it has 543.',
    );
  });
});
