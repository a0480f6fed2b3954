/**
 * The CLI's error and argument plumbing in-process (electron/cli/io.ts, main.ts): what any thrown
 * value becomes on stderr, and the exit code. The end-to-end behaviour is in the other files here.
 */
import { describe, expect, test } from 'vitest';
import { VaultError } from '../../shared/errors.js';
import { CliError, EXIT, describeError, oneLine, reportError, secretFromEnv, type CliIO } from './io.js';
import { runCli } from './main.js';

function errno(code: string, path?: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: something, ${path ?? ''}`);
  e.code = code;
  if (path) e.path = path;
  return e;
}

function memoryIO(env: Record<string, string | undefined> = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    env,
    stdinIsTTY: false,
    stderrIsTTY: false,
    readSecret: () => Promise.reject(new Error('no terminal in tests')),
    signal: new AbortController().signal,
  };
  return io;
}

describe('describeError', () => {
  test('maps VaultError codes to the documented exit codes', () => {
    const cases: [VaultError, number][] = [
      [new VaultError('WRONG_PASSPHRASE', 'x'), EXIT.VAULT],
      [new VaultError('VAULT_IN_USE', 'x'), EXIT.VAULT],
      [new VaultError('VAULT_TOO_NEW', 'x'), EXIT.VAULT],
      [new VaultError('TAMPERED', 'x'), EXIT.CHECK_FAILED],
      [new VaultError('FILE_CHANGED', 'x'), EXIT.FILE],
      [new VaultError('DISK_FULL', 'x'), EXIT.DISK_FULL],
      [new VaultError('CANCELLED', 'x'), EXIT.INTERRUPTED],
      [new VaultError('INVALID_INPUT', 'x'), EXIT.USAGE],
      [new VaultError('INTERNAL', 'x'), EXIT.INTERNAL],
    ];
    for (const [e, code] of cases) expect(describeError(e).exitCode).toBe(code);
  });

  test('system errors that escape the core become plain words', () => {
    expect(describeError(errno('ENOSPC', '/v/blobs/x'))).toEqual({
      exitCode: EXIT.DISK_FULL,
      message: 'the disk is full (/v/blobs/x); nothing was kept',
    });
    expect(describeError(errno('EFBIG')).exitCode).toBe(EXIT.DISK_FULL);
    expect(describeError(errno('EACCES', '/x')).message).toBe('permission denied (/x)');
  });

  test('anything unexpected is one generic line that points at EVIDENCE_VAULT_DEBUG', () => {
    const d = describeError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(d.exitCode).toBe(EXIT.INTERNAL);
    expect(d.message).toBe(
      'unexpected internal error (TypeError). Run again with EVIDENCE_VAULT_DEBUG=1 to see details.',
    );
    expect(describeError('a string').message).toMatch(/unexpected internal error \(string\)/);
  });

  test('messages are made one line', () => {
    expect(oneLine('first\nsecond\r\n\tthird\u001b[31m')).toBe('first second third [31m');
    expect(describeError(new CliError('a\nb', 4))).toEqual({ exitCode: 4, message: 'a b' });
  });
});

describe('reportError', () => {
  test('one line without a stack; the stack only with EVIDENCE_VAULT_DEBUG=1', () => {
    const plain = memoryIO();
    expect(reportError(plain, new RangeError('boom'))).toBe(EXIT.INTERNAL);
    expect(plain.err).toBe(
      'evidence-vault: unexpected internal error (RangeError). Run again with EVIDENCE_VAULT_DEBUG=1 to see details.\n',
    );
    const debug = memoryIO({ EVIDENCE_VAULT_DEBUG: '1' });
    reportError(debug, new RangeError('boom'));
    expect(debug.err.split('\n')[0]).toMatch(/^evidence-vault: unexpected internal error/);
    expect(debug.err).toMatch(/RangeError: boom\n\s+at /);
  });
});

describe('secretFromEnv', () => {
  test('the recovery key wins; empty variables count as unset', () => {
    expect(secretFromEnv({})).toBeNull();
    expect(secretFromEnv({ EVIDENCE_VAULT_PASSPHRASE: '' })).toBeNull();
    expect(secretFromEnv({ EVIDENCE_VAULT_PASSPHRASE: ' p ' })).toEqual({ passphrase: ' p ' });
    expect(secretFromEnv({ EVIDENCE_VAULT_PASSPHRASE: 'p', EVIDENCE_VAULT_RECOVERY_KEY: ' K-1 \n' })).toEqual({
      recoveryKey: 'K-1',
    });
  });
});

describe('runCli never throws', () => {
  test('usage errors and help, in-process', async () => {
    const io = memoryIO();
    expect(await runCli(['add', '/nowhere', '--title', 'x', '--occurred-at', '2024-02-30'], io)).toBe(EXIT.USAGE);
    expect(io.err).toBe('evidence-vault: --occurred-at: impossible date "2024-02-30": 2024-02 has no day 30\n');
    const help = memoryIO();
    expect(await runCli(['help', 'attach'], help)).toBe(EXIT.OK);
    expect(help.out).toMatch(/^Usage: evidence-vault attach DIR INCIDENT_ID FILE/);
  });
});
