/**
 * Police cases at vault level (issue 12, "told whom"): a force, a crime or incident reference, the
 * officer or SPOC, when the police were first told, and the incidents it covers. Each change is
 * one custody entry; every incident a case links must exist.
 */
import { VaultError } from '../../../shared/errors.js';
import { CaseInputSchema, type CaseData, type CaseInput, type PoliceCase } from '../../../shared/model.js';
import { parseReportDate } from '../../../shared/reporting.js';
import { randomId } from '../crypto/index.js';
import { now, type RecordStore } from '../store/store.js';
import { binRecord, type BinnedBody } from './bin.js';
import { parseInput } from './validate.js';

type CaseBody = Omit<PoliceCase, 'id'>;

export function listCases(store: RecordStore): PoliceCase[] {
  return store
    .all<CaseBody>('case')
    .map(([id, body]) => ({ ...body, id }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

function caseBody(store: RecordStore, id: string): CaseBody {
  try {
    return store.get<CaseBody>(id, 'case');
  } catch (e) {
    if (!(e instanceof VaultError) || e.code !== 'NOT_FOUND') throw e; // TAMPERED: a damaged record
    throw new VaultError(
      'NOT_FOUND',
      `There is no police case with id ${id}: nothing was changed. Check its id in the list of cases.`,
    );
  }
}

export function getCase(store: RecordStore, id: string): PoliceCase {
  return { ...caseBody(store, id), id };
}

/** INVALID_INPUT unless every incident exists; the ids once each, in the order given. */
function checkIncidents(store: RecordStore, ids: readonly string[]): string[] {
  for (const iid of ids) {
    if (!store.find(iid, 'incident')) {
      throw new VaultError(
        'NOT_FOUND',
        `There is no incident with id ${iid}: nothing was changed. Check the incident's id in the list of incidents.`,
      );
    }
  }
  return [...new Set(ids)];
}

function validate(store: RecordStore, input: CaseInput): CaseData {
  const data = parseInput(CaseInputSchema, input, 'police case');
  data.force = data.force.trim();
  data.reference = data.reference.trim();
  if (data.firstReportedOn !== '') {
    try {
      data.firstReportedOn = parseReportDate(data.firstReportedOn);
    } catch (e) {
      throw new VaultError('INVALID_INPUT', `Invalid police case: the date first reported ${(e as Error).message}.`);
    }
  }
  data.incidentIds = checkIncidents(store, data.incidentIds);
  return data;
}

export function createCase(store: RecordStore, input: CaseInput): PoliceCase {
  store.requireOpen();
  const data = validate(store, input);
  const id = randomId();
  const at = now();
  const body: CaseBody = { ...data, createdAt: at, updatedAt: at };
  store.transact(() => {
    store.put(id, 'case', body);
    store.appendCustody({
      action: 'create',
      subjectKind: 'case',
      subjectId: id,
      details: { force: body.force, reference: body.reference, incidentIds: body.incidentIds },
    });
  });
  return { ...body, id };
}

export function updateCase(store: RecordStore, id: string, input: CaseInput): PoliceCase {
  const prev = caseBody(store, id);
  const data = validate(store, input);
  const changed = (Object.keys(data) as (keyof CaseData)[]).filter(
    (k) => JSON.stringify(data[k]) !== JSON.stringify(prev[k]),
  );
  const body: CaseBody = { ...data, createdAt: prev.createdAt, updatedAt: now() };
  store.transact(() => {
    store.put(id, 'case', body);
    store.appendCustody({
      action: 'edit',
      subjectKind: 'case',
      subjectId: id,
      details: { reference: body.reference, changed },
    });
  });
  return { ...body, id };
}

/** Links incidents to a case (or unlinks them): all of them or none, one custody entry. */
export function linkCase(store: RecordStore, id: string, incidentIds: readonly string[], link: boolean): PoliceCase {
  const prev = caseBody(store, id);
  if (incidentIds.length === 0) {
    throw new VaultError('INVALID_INPUT', 'Name at least one incident to link; nothing was changed.');
  }
  const ids = link ? checkIncidents(store, incidentIds) : [...new Set(incidentIds)];
  const next = link
    ? [...prev.incidentIds, ...ids.filter((i) => !prev.incidentIds.includes(i))]
    : prev.incidentIds.filter((i) => !ids.includes(i));
  if (!link) {
    const missing = ids.filter((i) => !prev.incidentIds.includes(i));
    if (missing.length > 0) {
      throw new VaultError(
        'INVALID_INPUT',
        `The police case ${prev.reference} does not cover incident ${missing[0]}; nothing was changed.`,
      );
    }
  }
  const body: CaseBody = { ...prev, incidentIds: next, updatedAt: now() };
  store.transact(() => {
    store.put(id, 'case', body);
    store.appendCustody({
      action: 'edit',
      subjectKind: 'case',
      subjectId: id,
      details: { reference: body.reference, changed: ['incidentIds'], [link ? 'linked' : 'unlinked']: ids },
    });
  });
  return { ...body, id };
}

/**
 * Moves a police case to the bin (restorable for 30 days), with a tombstone in the custody log:
 * the incidents it covered keep their records; the case no longer lists them until it is restored.
 */
export function deleteCase(store: RecordStore, id: string, reason: string): void {
  const body = caseBody(store, id);
  store.transact(() => {
    const binned = binRecord(store, id, 'case', body, { reason, label: `${body.reference} (${body.force})` });
    store.appendCustody({
      action: 'delete',
      subjectKind: 'case',
      subjectId: id,
      details: { reason, reference: body.reference, sha256: binned.sha256, recordSha256: binned.sha256 },
    });
  });
}

/** Puts a binned police case back; incidents deleted since are left off it (they are not there to cover). */
export function restoreCase(store: RecordStore, id: string, b: BinnedBody): void {
  const body = b.body as CaseBody;
  const incidentIds = body.incidentIds.filter((iid) => store.find(iid, 'incident') !== undefined);
  store.transact(() => {
    store.put(id, 'case', { ...body, incidentIds });
    store.appendCustody({
      action: 'restore',
      subjectKind: 'case',
      subjectId: id,
      details: { deletedAt: b.deletedAt, reference: body.reference },
    });
  });
}
