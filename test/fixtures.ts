/**
 * Where the team's invented evidence lives: ../shared/fixtures/evidence beside the repository
 * (the layout on every developer machine and in CI), or EV_FIXTURES_DIR.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function findFixtures(): string {
  const candidates = [
    process.env.EV_FIXTURES_DIR,
    path.resolve(REPO, '../shared/fixtures/evidence'),
    '/work/shared/fixtures/evidence',
  ].filter((c): c is string => typeof c === 'string' && c !== '');
  const found = candidates.find((c) => existsSync(path.join(c, 'post-1.png')));
  if (!found) {
    throw new Error(
      `The evidence fixtures were not found (looked in ${candidates.join(', ')}): set EV_FIXTURES_DIR to ../shared/fixtures/evidence`,
    );
  }
  return found;
}

export const FIXTURES: string = findFixtures();

/** Each evidence fixture and the media type its content shows: [file name, media type]. */
export const FIXTURE_MEDIA_TYPES: readonly (readonly [name: string, mediaType: string])[] = [
  ['post-1.png', 'image/png'],
  ['post-2.png', 'image/png'],
  ['damage.jpg', 'image/jpeg'],
  ['letter.pdf', 'application/pdf'],
  ['email-1.eml', 'message/rfc822'],
  ['email-2.eml', 'message/rfc822'],
];
