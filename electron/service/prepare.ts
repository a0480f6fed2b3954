/**
 * What a caller may do before it loads the service: start the extraction thread for files about to be
 * imported (the core's extract/prepare.ts, which loads nothing else of the core). The CLI calls it first,
 * so the thread starts and loads its libraries while the service loads and the vault is unlocked.
 */
export { prepareExtraction } from '../core/exhibits/extract/prepare.js';
