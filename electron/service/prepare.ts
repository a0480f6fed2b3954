/**
 * What a caller may do before it loads the service, for files about to be imported: start the extraction
 * thread (the core's extract/prepare.ts, which loads nothing else of the core), and read ahead what the
 * files say (extract/index.ts, which loads only the extraction modules and the blob reader). The CLI calls
 * readAheadForExtraction first, so the thread starts, loads its libraries and reads the files while the
 * service loads and the vault is unlocked.
 */
export { prepareExtraction } from '../core/exhibits/extract/prepare.js';
export { readAheadForExtraction } from '../core/exhibits/extract/index.js';
