/**
 * Downloads: the window may save only what it made itself (a blob: URL of the app's own origin,
 * e.g. "Save the recovery key"), and always through the save dialog the user answers. Anything
 * else is cancelled.
 */
import { isAppUrl } from './security.js';

export function isAllowedDownload(url: string): boolean {
  if (!url.startsWith('blob:')) return false;
  return isAppUrl(url.slice('blob:'.length));
}
