/** The one place for cryptographic primitives: libsodium wrappers and the recovery key's human form. */
export * from './primitives.js';
export * from './recovery-key.js';
export * from './pwhash.js';
