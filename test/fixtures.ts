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
