/**
 * Starting the extraction thread ahead of a batch. Kept apart from index.ts, and importing only thread.ts
 * (node's own modules), so that a caller can start the thread before it loads the rest of the core: the
 * CLI does, so the thread starts and loads its libraries beside the loading of the core and the unlock.
 */
import { warmExtractionThread, type ThreadLibrary } from './thread.js';

/** The libraries the files' names call for (a file misnamed costs its library's load when it is read). */
function librariesFor(names: readonly string[]): ThreadLibrary[] {
  const libs: ThreadLibrary[] = [];
  if (names.some((n) => /\.pdf$/i.test(n))) libs.push('pdf');
  if (names.some((n) => /\.eml$/i.test(n))) libs.push('mail');
  // Not for PNG: most screenshots carry no EXIF or XMP (the import looks at their chunks before asking), so
  // a batch of screenshots starts no thread; one that does carry metadata has exifr loaded when it asks.
  if (names.some((n) => /\.(jpe?g|heic|heif|tiff?|webp|avif)$/i.test(n))) libs.push('exif');
  return libs;
}

/**
 * For a batch about to be imported: starts the extraction thread and loads the libraries the names call
 * for, so that this happens beside whatever comes first (the CLI calls it before it loads the core and
 * unlocks the vault; an import calls it as it starts). Does nothing for a batch with no file to read;
 * never throws.
 */
export function prepareExtraction(names: readonly string[]): void {
  const libs = librariesFor(names);
  if (libs.length > 0) warmExtractionThread(libs);
}
