/**
 * What a caller may do before it loads the service, for files about to be imported: start the extraction
 * thread and read ahead what the files say (the core's extract/index.ts, which loads only the extraction
 * modules and the blob reader). The CLI calls it first, so the thread starts, loads its libraries and reads
 * the files while the service loads and the vault is unlocked.
 */
export { readAheadForExtraction } from '../core/exhibits/extract/index.js';
