/**
 * The messages between the blob store (pool.ts) and its crypto worker (worker.ts). Types only: both sides
 * import them, so the protocol is checked on each side of the thread boundary.
 *
 * Every request but `slot`, `unslot` and `close` has a numeric `req` and gets exactly one reply with the
 * same `req`; any failure of such a request is answered { req, error }.
 */

/** What the parent passes to a new worker (the worker requires libsodium from this absolute path). */
export interface WorkerData {
  sodiumPath: string;
}

/** Starts a decrypting stream. Reply: { req } (or { req, error } when the header is bad). */
export interface InitPullRequest {
  op: 'init-pull';
  req: number;
  sid: number;
  key: Uint8Array;
  ad: Uint8Array;
  header: Uint8Array;
}

/** Registers a shared chunk slot under `id`. No reply. */
export interface SlotRequest {
  op: 'slot';
  id: number;
  sab: SharedArrayBuffer;
}

/** Forgets a chunk slot. No reply. */
export interface UnslotRequest {
  op: 'unslot';
  id: number;
}

/**
 * Encrypts bytes [0, len) of slot `slot` into [cipherAt, cipherAt + len + 17) of the same slot. The slots
 * are SharedArrayBuffers, so nothing is copied or transferred between the threads and no ArrayBuffer churn
 * makes the main thread's garbage collector run (it did, ~40 times per 1,000 files, when chunks were
 * transferred back and forth). `init` on a stream's first chunk starts the stream (init_push); the reply
 * then carries the stream header too (one round trip, not two, for a small file). A push with
 * final: true closes its stream by itself. Reply: { req, header? }.
 */
export interface PushRequest {
  op: 'push';
  req: number;
  sid: number;
  slot: number;
  len: number;
  cipherAt: number;
  final: boolean;
  init?: { key: Uint8Array; ad: Uint8Array };
}

/**
 * Decrypts one chunk. `data` (ciphertext) and `out` (optional buffer for the plaintext) are transferred and
 * come back (`back`, and `data` in the reply), so the parent can reuse them.
 * Reply: { req, data, tag, back } or { req, fail: true, back } when authentication fails.
 */
export interface PullRequest {
  op: 'pull';
  req: number;
  sid: number;
  data: Uint8Array;
  out?: Uint8Array;
}

/** Wipes and frees a stream's state. No reply. */
export interface CloseRequest {
  op: 'close';
  sid: number;
}

export type WorkerRequest = InitPullRequest | SlotRequest | UnslotRequest | PushRequest | PullRequest | CloseRequest;

/** The requests that get a reply, without their `req` (the pool numbers them). */
export type Question = Omit<InitPullRequest, 'req'> | Omit<PushRequest, 'req'> | Omit<PullRequest, 'req'>;
/** The requests that get no reply. */
export type Notice = SlotRequest | UnslotRequest | CloseRequest;

export interface WorkerReply {
  req: number;
  /** pull: the ciphertext buffer, given back. */
  back?: ArrayBuffer;
  /** push with init: the stream header. */
  header?: Uint8Array;
  /** pull: the plaintext and its tag. */
  data?: Uint8Array;
  tag?: number;
  /** pull: authentication failed. */
  fail?: boolean;
  error?: string;
}
