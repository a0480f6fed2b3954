/** Checking what callers give the core: zod schemas, with INVALID_INPUT naming each bad field. */
import type { z } from 'zod';
import { VaultError } from '../../../shared/errors.js';
import { now } from '../store/store.js';
import {
  CATEGORY_IDS,
  IncidentInputSchema,
  formatOccurredAt,
  isCategoryId,
  occurredAtSortKey,
  parseOccurredAt,
  type IncidentData,
  type IncidentInput,
} from '../../../shared/model.js';

/** Validates input with a zod schema; INVALID_INPUT naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const parts = r.error.issues.slice(0, 5).map((i) => {
    const path = i.path.map(String).join('.');
    return path ? `${path}: ${i.message}` : i.message;
  });
  throw new VaultError('INVALID_INPUT', `Invalid ${what}: ${parts.join('; ')}.`);
}

export function validateIncidentInput(input: IncidentInput): IncidentData {
  const raw = input as { categories?: unknown };
  if (Array.isArray(raw.categories)) {
    for (const c of raw.categories) {
      if (typeof c !== 'string' || !isCategoryId(c)) {
        throw new VaultError(
          'INVALID_INPUT',
          `Unknown category "${String(c)}". Use one of: ${CATEGORY_IDS.join(', ')}.`,
        );
      }
    }
  }
  const data = parseInput(IncidentInputSchema, input, 'incident');
  // The schema checks the shape of the date; this checks it exists (no 30 February, no 25:00).
  try {
    const at = data.occurredAt;
    if (at.offset !== undefined && at.time === undefined) throw new RangeError(`a UTC offset needs a time`);
    parseOccurredAt(formatOccurredAt(at), at.approximate);
  } catch (e) {
    throw new VaultError('INVALID_INPUT', `Invalid date for the incident: ${(e as Error).message}.`);
  }
  // What has not happened yet cannot be recorded: most often a slip of the keyboard (2042 for 2024).
  // A date alone may be "today" anywhere on Earth (up to 14 hours ahead of UTC); a time, a minute ahead.
  const at = data.occurredAt;
  const nowMs = Date.parse(now());
  const future = at.time
    ? occurredAtSortKey(at) > nowMs + 60_000
    : at.date > new Date(nowMs + 14 * 3_600_000).toISOString().slice(0, 10);
  if (future) {
    const [y, m, d] = at.date.split('-');
    throw new VaultError(
      'INVALID_INPUT',
      `Invalid date for the incident: ${d}/${m}/${y}${at.time ? ` ${at.time.slice(0, 5)}` : ''} is in the future. Give the date it happened.`,
    );
  }
  data.categories = [...new Set(data.categories)];
  data.escalationSignals = [...new Set(data.escalationSignals)];
  return data;
}
