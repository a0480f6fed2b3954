// Types for scripts/blob-worker.mjs (used by scripts/build.mjs and the benchmarks' bundles).
export const BLOB_WORKER_ENTRY: string;
export function blobWorkerDefine(root: string): Promise<{ __EV_BLOB_WORKER__: string }>;
