/** The subkeys every open vault holds, derived from the master key (crypto_kdf), and their wiping. */
import { deriveSubkey, wipe } from '../crypto/index.js';

export interface Keys {
  master: Uint8Array;
  /** Record bodies (XChaCha20-Poly1305). */
  records: Uint8Array;
  /** Exhibit files (crypto_secretstream, through the blob store). */
  blobs: Uint8Array;
  /** Keyed hashes: the custody chain MAC and the records digest. */
  audit: Uint8Array;
  /** Custody entry bodies (XChaCha20-Poly1305). */
  custody: Uint8Array;
  /** The rollback anchor's MAC (custody/anchor.ts). */
  anchor: Uint8Array;
  /** The header MAC over vault.json (keys/header.ts). */
  header: Uint8Array;
}

export function deriveKeys(master: Uint8Array): Keys {
  return {
    master,
    records: deriveSubkey(master, 'records'),
    blobs: deriveSubkey(master, 'blobs'),
    audit: deriveSubkey(master, 'audit'),
    custody: deriveSubkey(master, 'custody'),
    anchor: deriveSubkey(master, 'anchor'),
    header: deriveSubkey(master, 'header'),
  };
}

export function wipeKeys(keys: Keys): void {
  wipe(keys.master, keys.records, keys.blobs, keys.audit, keys.custody, keys.anchor, keys.header);
}
