/**
 * For test/host/memory-after-lock.test.ts: the real browser host (electron/host/server.ts) in a
 * process of its own, so the test can read that process's memory after the vault locks.
 *   node --import tsx test/support/memory-host.ts VAULT_DIR RENDERER_DIR MODE
 * MODE 'isolated' (the host's default: the core in a child ended on lock) or 'in-process' (the
 * service in the host's own process, as before the isolation: the test's control). Prints one line
 * {"origin","address","port","token"} and runs until stdin closes. Nothing secret is on its
 * command line: the test sends the passphrase and the canaries over HTTP.
 */
import { TEST_KDF } from '../../electron/core/crypto/index.js';
import { startBrowserHost } from '../../electron/host/server.js';

const [vaultDir, rendererDir, mode] = process.argv.slice(2);
const host = await startBrowserHost({
  vaultDir: vaultDir!,
  rendererDir: rendererDir!,
  kdf: TEST_KDF,
  lockWhenNoWindowMs: 0,
  isolate: mode !== 'in-process',
});
process.stdout.write(
  `${JSON.stringify({ origin: host.origin, address: host.address, port: host.port, token: host.token })}\n`,
);
const stop = () => void host.close().finally(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
