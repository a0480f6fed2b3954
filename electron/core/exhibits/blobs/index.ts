/**
 * Encrypted evidence files (blobs) in <vault>/blobs: the blob store's public face.
 *
 * For the vault core: import several files with `importBlobsFromFiles(ctx, paths, opts)` — it runs a few
 * files at once, fsyncs the directory once for the batch, and on any failure removes every blob of the
 * batch and throws the first error (naming its file). Results come back in the order of `paths`. Progress
 * is per file (FileProgress). Read back with openBlobStream / verifyBlob; clean up with removeBlobs /
 * removeTempFiles (never a sealed blob: unreferenced ones are listed by unreferencedBlobs and kept).
 *
 * The rooms: format.ts (the file format, types, errors), pool.ts (the crypto worker threads and chunk
 * memory; worker.ts is the worker's program, protocol.ts its messages, worker-code.ts how it is built),
 * seal.ts and sources.ts (the import pipeline), write.ts (import), read.ts (read back), cleanup.ts.
 */
export {
  BLOB_CHUNK_BYTES,
  BLOB_HEADER_BYTES,
  type BlobContext,
  type BlobInfo,
  type ExpectedBlob,
  type FileProgress,
  type BlobImportOptions,
  type HeadTap,
} from './format.js';
export {
  importBlobFromFile,
  importBlobFromStream,
  importBlobsFromFiles,
  importBlobsFromStreams,
  type BlobStreamSource,
} from './write.js';
export { openBlobChunks, openBlobStream, verifyBlob } from './read.js';
export { releaseChunkBuffers } from './pool.js';
export { removeBlobs, removeTempFiles, unreferencedBlobs, unreferencedProblem } from './cleanup.js';
