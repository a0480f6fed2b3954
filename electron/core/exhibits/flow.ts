/**
 * Exhibits in and out of the vault: files (or streams) into the blob store, then their records
 * and custody 'import' entries in ONE transaction; read back whole or as a stream, each view in
 * the custody log. The Vault class (../vault.ts) delegates here with its store and blob key.
 */
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { VaultError } from '../../../shared/errors.js';
import type { Exhibit } from '../../../shared/model.js';
import type { ImportOptions, StreamSource } from '../api.js';
import { randomId, wipe } from '../crypto/index.js';
import { assignExhibitNumbers, noFileError, toExhibit, type ExhibitBody } from '../records/exhibits.js';
import type { IncidentBody } from '../records/incidents.js';
import { mapError } from '../store/sqlite.js';
import { now, type RecordStore } from '../store/store.js';
import { duplicateOf, refuseDuplicates } from './duplicates.js';
import { KeptHeads, readAndRecord, type FileToRead } from './extract/after.js';
import { EXTRACT_HEAD_BYTES, ImportExtraction, readBack } from './extract/index.js';
import {
  importBlobsFromFiles,
  importBlobsFromStreams,
  openBlobChunks,
  openBlobStream,
  removeBlobs,
  type BlobContext,
  type BlobInfo,
  type FileProgress,
  type HeadTap,
} from './blobs/index.js';

/** What the flow needs of an open vault. */
export interface ExhibitRoom {
  readonly dir: string;
  readonly store: RecordStore;
  /** A blob context with its own copy of the blob key (wiped by the flow when done). */
  blobContext(): BlobContext;
  /** Runs `job` once the import has returned, after any reading already waiting (Vault.whenRead waits for it). */
  afterImport(job: () => Promise<void>): void;
}

/** Files from disk: a few at once; on any failure the blob store removes the whole batch. */
export function importFiles(
  room: ExhibitRoom,
  incidentId: string,
  paths: string[],
  options: ImportOptions,
  createIncident?: () => void,
): Promise<Exhibit[]> {
  const names = paths.map((p) => basename(p));
  return importBatch(room, incidentId, names, options, createIncident, (ctx, onProgress, head) =>
    importBlobsFromFiles(ctx, paths, { signal: options.signal, onProgress, head }),
  );
}

/** Streams (a pasted image, a browser drop): one after the other; on any failure those written go. */
export function importStreams(
  room: ExhibitRoom,
  incidentId: string,
  sources: StreamSource[],
  options: ImportOptions,
): Promise<Exhibit[]> {
  const names = sources.map((s) => basename(s.name.replace(/\\/g, '/')));
  return importBatch(room, incidentId, names, options, undefined, (ctx, onProgress, head) =>
    importBlobsFromStreams(
      ctx,
      sources.map((s) => ({ name: s.name, modifiedAt: s.modifiedAt, stream: s.stream })),
      { signal: options.signal, onProgress, head },
    ),
  );
}

/**
 * Writes the blobs (all or none), then adds every exhibit record and its custody 'import' entry
 * in ONE transaction. If that fails, the batch's blobs are removed and nothing is added.
 */
async function importBatch(
  room: ExhibitRoom,
  incidentId: string,
  names: string[],
  options: ImportOptions,
  /** When set, the incident is new: this adds it inside the same transaction, before its exhibits. */
  createIncident: (() => void) | undefined,
  writeBlobs: (
    ctx: BlobContext,
    onProgress: (p: FileProgress) => void,
    head: HeadTap | undefined,
  ) => Promise<BlobInfo[]>,
): Promise<Exhibit[]> {
  const { store } = room;
  if (!createIncident) store.get<IncidentBody>(incidentId, 'incident');
  if (names.length === 0) {
    if (createIncident) store.transact(createIncident);
    return [];
  }
  for (const name of names) {
    if (!name || name === '.' || name === '..') {
      throw new VaultError('INVALID_INPUT', 'An exhibit needs a file name.');
    }
  }
  if (options.signal?.aborted) throw new VaultError('CANCELLED', 'The import was cancelled; nothing was added.');
  const ctx = room.blobContext();
  let written: BlobInfo[] = [];
  // What the files say (extract/): read from each file's head as it is sealed, beside the encryption; or,
  // with extract 'after', each head kept (in memory) to be read once the import has returned (extract/after.ts).
  const later = options.extract === 'after' ? new KeptHeads(names) : undefined;
  const extraction = options.extract === false || later ? undefined : new ImportExtraction(names);
  const tap: HeadTap | undefined = later
    ? { bytes: EXTRACT_HEAD_BYTES, take: later.take }
    : extraction && { bytes: EXTRACT_HEAD_BYTES, take: extraction.onHead };
  try {
    // The one place the blob store's per-file progress becomes the API's ImportProgress: fileIndex names
    // the file the bytes belong to, bytesDone/bytesTotal are that file's (several run at once).
    written = await writeBlobs(
      ctx,
      (p) =>
        options.onProgress?.({
          fileIndex: p.file,
          fileCount: names.length,
          name: names[p.file] ?? '',
          bytesDone: p.done,
          bytesTotal: p.size,
        }),
      tap,
    );
    if (written.length !== names.length) {
      throw new VaultError('INTERNAL', 'The blob store returned the wrong number of exhibits; nothing was added.');
    }
    const batch = written.map((w, i) => ({ name: names[i]!, sha256: w.sha256 }));
    if (!options.allowDuplicates) refuseDuplicates(store, batch);
    const extracted = extraction ? await extraction.results(written, (i) => readBack(ctx, written[i]!)) : [];
    if (options.signal?.aborted) throw new VaultError('CANCELLED', 'The import was cancelled; nothing was added.');
    const importedAt = now();
    const enteredBy = store.enteredBy();
    const exhibits: Exhibit[] = [];
    store.transact(() => {
      if (createIncident) createIncident();
      else store.get<IncidentBody>(incidentId, 'incident'); // still there after the await?
      if (!options.allowDuplicates) refuseDuplicates(store, batch); // none added since?
      const repeats = options.allowDuplicates ? batch.map((f) => duplicateOf(store, f.sha256)) : [];
      const numbers = assignExhibitNumbers(store, written.length); // permanent references, in this order
      for (const [i, info] of written.entries()) {
        const id = randomId();
        const body: ExhibitBody = {
          incidentId,
          blobId: info.blobId,
          name: names[i]!,
          size: info.size,
          sha256: info.sha256,
          mediaType: info.mediaType,
          fileModifiedAt: info.fileModifiedAt,
          importedAt,
          batchIndex: i,
          kind: 'file',
          ...numbers[i],
          ...(extracted[i] ? { extracted: extracted[i] } : {}),
          ...(later?.isReadable(i) ? { extractPending: true as const } : {}),
          ...(enteredBy !== null ? { enteredBy } : {}),
        };
        store.put(id, 'exhibit', body);
        store.appendCustody({
          action: 'import',
          subjectKind: 'exhibit',
          subjectId: id,
          details: {
            name: body.name,
            size: body.size,
            sha256: body.sha256,
            mediaType: body.mediaType,
            incidentId,
            // Added again on purpose: the exhibit it repeats.
            ...(repeats[i] !== undefined ? { duplicateOf: repeats[i] } : {}),
          },
        });
        exhibits.push(toExhibit(id, body));
      }
    });
    if (later) {
      const files: FileToRead[] = [];
      for (const [i, ex] of exhibits.entries()) {
        const info = written[i]!;
        if (!later.isReadable(i)) continue;
        const head = later.head(i);
        files.push({
          id: ex.id,
          name: ex.name,
          blobId: info.blobId,
          size: info.size,
          sha256: info.sha256,
          mediaType: info.mediaType,
          ...(head ? { head } : {}),
        });
      }
      later.clear();
      if (files.length > 0) {
        room.afterImport(async () => {
          const read = await readAndRecord(store, () => room.blobContext(), files);
          if (read.length > 0) options.onRead?.(read);
        });
      }
    }
    return exhibits;
  } catch (e) {
    later?.clear();
    const ids = written.map((w) => w.blobId);
    if (ids.length > 0) {
      try {
        await removeBlobs({ dir: ctx.dir, key: ctx.key }, ids);
      } catch {
        /* left unreferenced (ciphertext only); check() names them */
      }
    }
    throw mapError(e, room.dir);
  } finally {
    wipe(ctx.key);
  }
}

/** The exhibit's original bytes as a stream, checked against its recorded SHA-256 and size. */
export function openExhibitStream(room: ExhibitRoom, id: string): Readable {
  const ex = room.store.get<ExhibitBody>(id, 'exhibit');
  if (ex.kind === 'physical') throw noFileError(ex);
  const ctx = room.blobContext();
  let stream: Readable;
  try {
    stream = openBlobStream(ctx, ex.blobId, { sha256: ex.sha256, size: ex.size });
  } catch (e) {
    wipe(ctx.key);
    throw e;
  }
  stream.once('close', () => wipe(ctx.key));
  return stream;
}

/**
 * The exhibit's original bytes in reused buffers (see openBlobChunks: each chunk is valid only until the
 * next is asked for), checked against its recorded SHA-256 and size.
 */
export async function* openExhibitChunks(room: ExhibitRoom, id: string): AsyncGenerator<Buffer> {
  const ex = room.store.get<ExhibitBody>(id, 'exhibit');
  if (ex.kind === 'physical') throw noFileError(ex);
  const ctx = room.blobContext();
  try {
    yield* openBlobChunks(ctx, ex.blobId, { sha256: ex.sha256, size: ex.size });
  } finally {
    wipe(ctx.key);
  }
}

/** The exhibit's original bytes, whole; the view is recorded in the custody log. */
export async function readExhibit(room: ExhibitRoom, id: string): Promise<Uint8Array> {
  const ex = room.store.get<ExhibitBody>(id, 'exhibit');
  if (ex.kind === 'physical') throw noFileError(ex);
  const out = new Uint8Array(ex.size);
  let off = 0;
  try {
    for await (const chunk of openExhibitStream(room, id)) {
      const c = chunk as Uint8Array;
      if (off + c.length > out.length) {
        throw new VaultError('TAMPERED', `Exhibit ${ex.name} (${id}) is longer than recorded: it was altered.`);
      }
      out.set(c, off);
      off += c.length;
    }
  } catch (e) {
    if (e instanceof VaultError && e.message.includes(ex.name)) throw e;
    const code = e instanceof VaultError ? e.code : 'TAMPERED';
    throw new VaultError(code, `Exhibit ${ex.name} (${id}): ${(e as Error).message}`, { cause: e });
  }
  if (off !== ex.size) {
    throw new VaultError('TAMPERED', `Exhibit ${ex.name} (${id}) is shorter than recorded: it was altered.`);
  }
  room.store.transact(() => {
    room.store.appendCustody({
      action: 'view',
      subjectKind: 'exhibit',
      subjectId: id,
      details: { name: ex.name, sha256: ex.sha256 },
    });
  });
  return out;
}
