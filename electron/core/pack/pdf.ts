/** data/chronology.pdf: made in ./pdf/ (one file per section); this module keeps the old import path. */
export { chronologyPdf, gatherExtras, type PdfExtras, type PdfInput } from './pdf/index.js';
