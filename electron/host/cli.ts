/**
 * evidence-vault-host: serve the renderer against the core in the system's browser.
 *
 *   tsx electron/host/cli.ts [--vault DIR] [--port N] [--renderer DIR] [--open [--browser PROGRAM]] [--json]
 *   node dist/host.cjs       (the same, built)
 *
 * Prints a link to open: it carries a one-time ticket (see ./access.ts), good for one visit
 * within PRINTED_LINK_TTL_MS; on a terminal, Enter prints a new one. --open opens the browser
 * itself, in a private window where it can (./open-browser.ts), with a ticket that expires in
 * seconds. Without --vault: the vault the desktop app would open. Stops — locking the vault —
 * when the terminal closes (stdin ends, SIGHUP), on Ctrl-C, or on SIGTERM. A parent that spawns it
 * should pass its terminal (stdio 'inherit') or a pipe as stdin: the host stops when that ends.
 * --json prints one line {"url","origin","port"} instead of the sentences (for scripts).
 * EVIDENCE_VAULT_TEST_KDF=1 creates vaults with the fast test KDF (tests only: weak), honoured only
 * under a test runner (electron/service/test-kdf.ts); otherwise it is ignored with one warning line.
 */
import { fstatSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { testKdfFromEnv } from '../service/index.js';
import { vaultDirInUse } from '../service/location.js';
import { openBrowser } from './open-browser.js';
import { startBrowserHost, type BrowserHost } from './server.js';

/** How long a printed link stays good (it works once). */
export const PRINTED_LINK_TTL_MS = 5 * 60_000;

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

async function openAndSay(host: BrowserHost, browser: string | undefined, json: boolean): Promise<void> {
  const opened = await openBrowser(host.url, browser === undefined ? {} : { browser });
  if (json) return;
  if (!opened) {
    process.stdout.write('The browser could not be started: open the link above yourself.\n');
  } else if (opened.private) {
    process.stdout.write(
      `Opened a private window of ${opened.name}: it keeps no history and no typed text of this visit.\n`,
    );
  } else {
    process.stdout.write(
      `Opened the browser with ${opened.name}, which cannot ask for a private window. The browser may keep this\n` +
        'page in its history and what you type in its session files. For a private window, open a new link in one\n' +
        'yourself, or start again with --browser and the program of a browser that has one (Firefox, Chrome,\n' +
        'Chromium, Edge).\n',
    );
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
      browser: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'Usage: evidence-vault-host [--vault DIR] [--port N] [--renderer DIR] [--open [--browser PROGRAM]] [--json]\n' +
        "Serves Evidence Vault to this computer's browser only (a loopback address), until this terminal closes.\n" +
        '--open opens the browser, in a private window where it can; --browser names the browser program.\n',
    );
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port "${values.port}"`);
  // Without --vault: the vault the desktop app would open (EVIDENCE_VAULT_DIR, the remembered choice, the default).
  const vaultDir = path.resolve(values.vault ?? vaultDirInUse());
  const { kdf, warning } = testKdfFromEnv(process.env);
  if (warning) process.stderr.write(`${warning}\n`);
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
  const link = () => host.ticketUrl(PRINTED_LINK_TTL_MS);
  if (stdinIsTerminalOrPipe()) {
    // On a terminal, Enter prints a new link (each works once).
    if (process.stdin.isTTY && !values.json) {
      process.stdin.on('data', (chunk: Buffer) => {
        if (chunk.includes(10))
          process.stdout.write(`\nA new link (it works once, within 5 minutes):\n\n  ${link()}\n\n`);
      });
    }
    process.stdin.on('end', () => stop('the terminal closed'));
    process.stdin.on('close', () => stop('the terminal closed'));
    process.stdin.on('error', () => stop('the terminal closed'));
    process.stdin.resume();
  }

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: link(), origin: host.origin, port: host.port })}\n`);
  } else {
    process.stdout.write(
      `Evidence Vault is running for this computer's browser only, at:\n\n  ${link()}\n\n` +
        `That link works once, within 5 minutes${process.stdin.isTTY ? '; press Enter here for a new one' : ''}.\n` +
        `Vault folder: ${vaultDir}\n` +
        'Keep this terminal open while you use it. Closing it (or Ctrl-C) locks the vault and stops Evidence Vault.\n',
    );
  }
  if (values.open) await openAndSay(host, values.browser, values.json);
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
