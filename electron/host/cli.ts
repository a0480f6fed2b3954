/**
 * evidence-vault-host: serve the renderer against the core in the system's browser.
 *
 *   tsx electron/host/cli.ts [--vault DIR] [--port N] [--renderer DIR] [--open] [--json]
 *   node dist/host.cjs       (the same, built)
 *
 * Prints the address to open (with its per-run token). Stops — locking the vault — when the
 * terminal closes (stdin ends, SIGHUP), on Ctrl-C, or on SIGTERM. A parent that spawns it should
 * pass its terminal (stdio 'inherit') or a pipe as stdin: the host stops when that ends.
 * --json prints one line {"url","origin","port"} instead of the sentences (for scripts).
 * EVIDENCE_VAULT_TEST_KDF=1 creates vaults with the fast test KDF (tests only: weak).
 */
import { spawn } from 'node:child_process';
import { fstatSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { vaultDirInUse } from '../desktop/location.js';
import { startBrowserHost } from './server.js';

/** Watch stdin only when it is a terminal or a pipe from a parent: /dev/null or a file would end at once. */
function stdinIsTerminalOrPipe(): boolean {
  if (process.stdin.isTTY) return true;
  try {
    const st = fstatSync(0);
    return st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // The address is printed; the user can open it by hand.
  }
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: 'string' },
      port: { type: 'string' },
      renderer: { type: 'string' },
      open: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'Usage: evidence-vault-host [--vault DIR] [--port N] [--renderer DIR] [--open] [--json]\n' +
        "Serves Evidence Vault to this computer's browser at 127.0.0.1 only, until this terminal closes.\n",
    );
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${values.port}"`);
  // Without --vault: the vault the desktop app would open (EVIDENCE_VAULT_DIR, the remembered choice, the default).
  const vaultDir = path.resolve(values.vault ?? vaultDirInUse());
  const kdf = process.env.EVIDENCE_VAULT_TEST_KDF === '1' ? { opsLimit: 1, memLimit: 8192 } : undefined;
  const host = await startBrowserHost({ vaultDir, port, rendererDir: values.renderer, kdf });

  let stopping = false;
  const stop = (why: string): void => {
    if (stopping) return;
    stopping = true;
    if (!values.json) process.stderr.write(`Evidence Vault stopped (${why}); the vault is locked.\n`);
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGHUP', () => stop('the terminal closed'));
  process.on('SIGINT', () => stop('Ctrl-C'));
  process.on('SIGTERM', () => stop('asked to stop'));
  if (stdinIsTerminalOrPipe()) {
    process.stdin.on('end', () => stop('the terminal closed'));
    process.stdin.on('close', () => stop('the terminal closed'));
    process.stdin.on('error', () => stop('the terminal closed'));
    process.stdin.resume();
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: host.url, origin: host.origin, port: host.port })}\n`);
  } else {
    process.stdout.write(
      `Evidence Vault is running for this computer's browser only, at:\n\n  ${host.url}\n\n` +
        `Vault folder: ${vaultDir}\n` +
        'Keep this terminal open while you use it. Closing it (or Ctrl-C) locks the vault and stops Evidence Vault.\n',
    );
  }
  if (values.open) openInBrowser(host.url);
}

const invokedDirectly = (() => {
  const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
  return /(?:^|[\\/])(?:host\.cjs|cli\.ts|evidence-vault-host)$/.test(entry) && entry.includes('host');
})();

if (invokedDirectly) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
