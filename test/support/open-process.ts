/**
 * A second process for the single-process tests: `node --import tsx test-open-process.ts DIR PASS MODE`.
 * MODE 'try' opens and closes the vault, printing {"ok":true} or {"code":..,"message":..};
 * MODE 'hold' opens it, prints {"held":true}, and keeps it open until killed.
 * MODE 'import' (with a FILE argument) creates an incident, prints {"incidentId":..}, imports FILE
 * into it, then prints {"imported":true} and exits (the tests kill it at random moments).
 */
import { VaultError } from '../../shared/errors.js';
import { TEST_KDF } from '../../electron/core/crypto/index.js';
import { Vault } from '../../electron/core/vault.js';

const [dir, passphrase, mode, file] = process.argv.slice(2);
try {
  const vault = await Vault.open(dir!, { passphrase: passphrase! }, { kdf: TEST_KDF });
  if (mode === 'import') {
    const inc = vault.createIncident({ title: 'Killed import', occurredAt: { date: '2024-05-03' } });
    console.log(JSON.stringify({ incidentId: inc.id }));
    await vault.importExhibits(inc.id, [file!]);
    vault.close();
    console.log(JSON.stringify({ imported: true }));
  } else if (mode === 'hold') {
    console.log(JSON.stringify({ held: true }));
    setInterval(() => undefined, 1 << 30);
  } else {
    vault.close();
    console.log(JSON.stringify({ ok: true }));
  }
} catch (e) {
  const err = e instanceof VaultError ? { code: e.code, message: e.message } : { code: 'OTHER', message: String(e) };
  console.log(JSON.stringify(err));
}
