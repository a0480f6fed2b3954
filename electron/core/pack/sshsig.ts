/**
 * The pack's signature in OpenSSH's SSHSIG format (PROTOCOL.sshsig in the OpenSSH sources), so
 * that `ssh-keygen -Y verify`, which stock Windows 10/11, macOS and Linux have, can check it.
 * Only the framing is built here: the Ed25519 signature itself is made by the vault (libsodium,
 * `signDetached`) and checked with node:crypto. No library for the format is installed (sshpk is
 * not a dependency); the framing is a few length-prefixed strings.
 *
 *   signed data  = "SSHSIG" || string(namespace) || string("") || string("sha512") || string(SHA-512(message))
 *   signature    = "SSHSIG" || uint32(1) || string(publickey) || string(namespace) || string("")
 *                  || string("sha512") || string(string("ssh-ed25519") || string(sig64))
 *   publickey    = string("ssh-ed25519") || string(key32)
 * armoured as "-----BEGIN SSH SIGNATURE-----", base64 in lines of 76, "-----END SSH SIGNATURE-----".
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';

/** The namespace every pack signature is made in (ssh-keygen's -n). */
export const SSHSIG_NAMESPACE = 'evidence-vault-pack';
/** The principal named in the allowed_signers line the README gives (ssh-keygen's -I). */
export const SSH_PRINCIPAL = 'evidence-vault-pack';

const MAGIC = Buffer.from('SSHSIG', 'ascii');
const KEY_TYPE = 'ssh-ed25519';
const HASH = 'sha512';
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';

function sshString(b: Buffer | string): Buffer {
  const body = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

/** The SSH wire form of an Ed25519 public key. */
export function sshPublicKeyBlob(raw: Uint8Array): Buffer {
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes');
  return Buffer.concat([sshString(KEY_TYPE), sshString(Buffer.from(raw))]);
}

/** `ssh-ed25519 AAAA… comment`: the key as signing-key.pub holds it. */
export function sshPublicKeyLine(raw: Uint8Array, comment = 'evidence-vault signing key'): string {
  return `${KEY_TYPE} ${sshPublicKeyBlob(raw).toString('base64')}${comment ? ` ${comment}` : ''}`;
}

/** The allowed_signers line for `ssh-keygen -Y verify -f allowed_signers -I evidence-vault-pack`. */
export function allowedSignersLine(raw: Uint8Array): string {
  return `${SSH_PRINCIPAL} namespaces="${SSHSIG_NAMESPACE}" ${sshPublicKeyLine(raw, '')}`;
}

/** OpenSSH's fingerprint of the key, as `ssh-keygen -l` and `-Y verify` print it: SHA256:base64. */
export function sshFingerprint(raw: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(sshPublicKeyBlob(raw)).digest('base64').replace(/=+$/, '')}`;
}

function signedData(message: Uint8Array, namespace: string): Buffer {
  const digest = createHash(HASH).update(message).digest();
  return Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(HASH), sshString(digest)]);
}

/**
 * An armoured SSH signature of `message`, made by `sign` (Ed25519 over the SSHSIG signed data)
 * with the key whose public half is `publicKey`.
 */
export function sshSignature(
  message: Uint8Array,
  publicKey: Uint8Array,
  sign: (data: Uint8Array) => Uint8Array,
  namespace = SSHSIG_NAMESPACE,
): string {
  const sig = Buffer.from(sign(signedData(message, namespace)));
  if (sig.length !== 64) throw new RangeError('an Ed25519 signature is 64 bytes');
  const version = Buffer.alloc(4);
  version.writeUInt32BE(1);
  const blob = Buffer.concat([
    MAGIC,
    version,
    sshString(sshPublicKeyBlob(publicKey)),
    sshString(namespace),
    sshString(''),
    sshString(HASH),
    sshString(Buffer.concat([sshString(KEY_TYPE), sshString(sig)])),
  ]);
  const b64 = blob.toString('base64');
  const lines = b64.match(/.{1,76}/g) ?? [b64];
  return `${BEGIN}\n${lines.join('\n')}\n${END}\n`;
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}
  take(n: number): Buffer {
    if (this.at + n > this.buf.length) throw new Error('truncated');
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  uint32(): number {
    return this.take(4).readUInt32BE(0);
  }
  string(): Buffer {
    return this.take(this.uint32());
  }
  get done(): boolean {
    return this.at === this.buf.length;
  }
}

export interface SshSigCheck {
  valid: boolean;
  /** The raw 32-byte Ed25519 key the signature names (null when the file cannot be read). */
  publicKey: Buffer | null;
  /** Why it is not valid, in plain words. */
  problem?: string;
}

/**
 * Check an armoured SSH signature of `message` in `namespace`: its framing, that it is Ed25519
 * with SHA-512, and the signature itself (node:crypto). Returns the key it names.
 */
export function checkSshSignature(armoured: string, message: Uint8Array, namespace = SSHSIG_NAMESPACE): SshSigCheck {
  const text = armoured.replace(/\r/g, '').trim();
  if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
    return { valid: false, publicKey: null, problem: 'it is not an SSH signature (no BEGIN/END SSH SIGNATURE lines)' };
  }
  let r: Reader;
  try {
    r = new Reader(Buffer.from(text.slice(BEGIN.length, text.length - END.length).replace(/\s+/g, ''), 'base64'));
    if (!r.take(6).equals(MAGIC)) throw new Error('magic');
    if (r.uint32() !== 1) return { valid: false, publicKey: null, problem: 'it is of an unknown SSHSIG version' };
    const pk = new Reader(r.string());
    const ns = r.string().toString('utf8');
    r.string(); // reserved
    const hash = r.string().toString('utf8');
    const sigBlob = new Reader(r.string());
    if (!r.done) throw new Error('trailing bytes');
    if (pk.string().toString('utf8') !== KEY_TYPE) {
      return { valid: false, publicKey: null, problem: 'it is not made with an Ed25519 key' };
    }
    const raw = Buffer.from(pk.string());
    if (raw.length !== 32 || !pk.done) throw new Error('key');
    if (ns !== namespace) {
      return { valid: false, publicKey: raw, problem: `it is made for "${ns}", not "${namespace}"` };
    }
    if (hash !== HASH && hash !== 'sha256') {
      return { valid: false, publicKey: raw, problem: `it uses an unknown hash (${hash})` };
    }
    if (sigBlob.string().toString('utf8') !== KEY_TYPE) throw new Error('sig type');
    const sig = sigBlob.string();
    if (sig.length !== 64 || !sigBlob.done) throw new Error('sig');
    const digest = createHash(hash).update(message).digest();
    const data = Buffer.concat([MAGIC, sshString(ns), sshString(''), sshString(hash), sshString(digest)]);
    const key = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
      format: 'der',
      type: 'spki',
    });
    const valid = verifySignature(null, data, key, sig);
    return valid ? { valid, publicKey: raw } : { valid, publicKey: raw, problem: 'the signature does not match' };
  } catch {
    return { valid: false, publicKey: null, problem: 'it is damaged (its framing cannot be read)' };
  }
}

/** The raw Ed25519 key of an OpenSSH public key line (`ssh-ed25519 AAAA… comment`), or null. */
export function parseSshPublicKey(line: string): Buffer | null {
  const m = /^ssh-ed25519\s+([A-Za-z0-9+/=]+)/.exec(line.trim());
  if (!m?.[1]) return null;
  try {
    const r = new Reader(Buffer.from(m[1], 'base64'));
    if (r.string().toString('utf8') !== KEY_TYPE) return null;
    const raw = Buffer.from(r.string());
    return raw.length === 32 && r.done ? raw : null;
  } catch {
    return null;
  }
}
