/** The vault's Ed25519 signing key for case packs: a seed kept in its own encrypted record. */
import { fromB64, randomBytes, randomId, sodium, toB64, wipe } from '../crypto/index.js';
import type { RecordStore } from '../store/store.js';

interface SigningKeyBody {
  seed: string;
}

export interface SigningKey {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

function fromSeed(seed: Uint8Array): SigningKey {
  const kp = sodium().crypto_sign_seed_keypair(seed);
  wipe(seed);
  return { publicKey: kp.publicKey, secretKey: kp.privateKey };
}

/** A new signing key, written as a record (inside the caller's transaction). */
export function putNewSigningKey(store: RecordStore): SigningKey {
  const seed = randomBytes(32);
  store.put(randomId(), 'signing-key', { seed: toB64(seed) } satisfies SigningKeyBody);
  return fromSeed(seed);
}

/** The signing key of an open vault (the last one found), or null when missing or damaged. */
export function loadSigningKey(store: RecordStore): SigningKey | null {
  let key: SigningKey | null = null;
  for (const [, body] of store.all<SigningKeyBody>('signing-key')) {
    if (key) wipe(key.secretKey);
    key = fromSeed(fromB64(body.seed));
  }
  return key;
}
