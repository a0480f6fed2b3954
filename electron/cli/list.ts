import { CATEGORY_LABELS, formatOccurredAt, type Incident, type PoliceCase } from '../../shared/model.js';
import { casesOf, toldPlatform, toldPolice } from '../../shared/reporting.js';
import { compareForTimeline } from '../../shared/timeline.js';
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { withVault } from './service.js';
import { printExhibits, shown } from './output.js';

export const help = `Usage: evidence-vault list DIR [--json]

List the incidents in the vault, oldest first, with their exhibits.

Options:
  --json       print a JSON array: one object per incident with id, title, occurredAt (ISO 8601;
               a date alone when no time was recorded), approximate, categories, description,
               location, createdAt, updatedAt, writtenAt (when first written), changedAt (when
               last changed, or null), enteredBy and changedBy (who first wrote it and who last
               changed it: only in a vault with more than one person's passphrase),
               exhibits: [{ id, ref, name, size, sha256, mediaType, fileModifiedAt, importedAt,
               kind, details, physical, enteredBy }] (ref, the permanent exhibit reference such as "AB/3",
               once one is given; kind "file" or "physical"; physical only for physical items,
               which have size 0 and sha256 ""),
               effect, identifiers: [{ kind, value, platform? }] (as they appeared),
               believedResponsible and witnesses (person ids), escalationSignals, channel,
               toldPolice, policeCases: [{ id, force, reference }], policeReports and
               platformReports: [{ platform, reference, date, outcome }]
  -h, --help   show this help
`;

/** The --json shape of one incident (documented above and in the README). */
export function incidentJson(incident: Incident, cases: readonly PoliceCase[] = []) {
  return {
    id: incident.id,
    title: incident.title,
    occurredAt: formatOccurredAt(incident.occurredAt),
    approximate: incident.occurredAt.approximate,
    categories: incident.categories,
    description: incident.description,
    location: incident.location,
    createdAt: incident.createdAt,
    updatedAt: incident.updatedAt,
    /** When it was first written, and last changed (null if never). */
    writtenAt: incident.writtenAt ?? incident.createdAt,
    changedAt: incident.changedAt ?? null,
    // Who first wrote it and who last changed it, only in a vault with more than one person's passphrase.
    ...(incident.enteredBy !== undefined ? { enteredBy: incident.enteredBy } : {}),
    ...(incident.changedBy !== undefined ? { changedBy: incident.changedBy } : {}),
    exhibits: incident.exhibits.map((x) => ({
      id: x.id,
      ...(x.ref !== undefined ? { ref: x.ref } : {}),
      name: x.name,
      size: x.size,
      sha256: x.sha256,
      mediaType: x.mediaType,
      fileModifiedAt: x.fileModifiedAt,
      importedAt: x.importedAt,
      kind: x.kind,
      details: x.details,
      ...(x.physical ? { physical: x.physical } : {}),
      ...(x.enteredBy !== undefined ? { enteredBy: x.enteredBy } : {}),
    })),
    // Issue 12: what was seen, whom she believes it was, how it affected her, whom she told.
    effect: incident.effect,
    identifiers: incident.identifiers,
    believedResponsible: incident.perpetratorIds,
    witnesses: incident.witnessIds,
    escalationSignals: incident.escalationSignals,
    channel: incident.channel ?? null,
    toldPolice: toldPolice(incident, cases),
    toldPlatform: toldPlatform(incident),
    policeCases: casesOf(incident.id, cases).map((c) => ({ id: c.id, force: c.force, reference: c.reference })),
    policeReports: incident.reports
      .filter((r) => r.kind === 'police')
      .map(({ force, reference, officer, date }) => ({ force, reference, officer, date })),
    platformReports: incident.reports
      .filter((r) => r.kind === 'platform')
      .map(({ platform, reference, date, outcome }) => ({ platform, reference, date, outcome })),
  };
}

export async function runList(args: string[], io: CliIO): Promise<number> {
  const {
    values,
    positionals,
    help: wantsHelp,
  } = parseCommandArgs('list', args, { json: { type: 'boolean' } }, { min: 1, max: 1, names: 'DIR' });
  if (wantsHelp) {
    io.stdout(help);
    return EXIT.OK;
  }
  return withVault(positionals[0] ?? '', io, async (vault) => {
    const incidents = [...(await vault.call('incidents.list', {}))].sort(compareForTimeline);
    const cases = await vault.call('cases.list', {});
    // Records that fail authentication cannot be shown; never let the list look complete.
    const damaged = (await vault.call('vault.status', {})).damagedRecords ?? [];
    const warnDamaged = () => {
      if (damaged.length === 0) return EXIT.OK;
      const n = damaged.length;
      const which = damaged
        .slice(0, 3)
        .map((d) => `${d.kind} ${d.id}`)
        .join(', ');
      fail(
        `${n} record${n === 1 ? '' : 's'} failed authentication and ${n === 1 ? 'is' : 'are'} not listed (${which}${n > 3 ? ', ...' : ''}); run "evidence-vault check"`,
        EXIT.CHECK_FAILED,
      );
    };
    if (values.json === true) {
      io.stdout(
        JSON.stringify(
          incidents.map((i) => incidentJson(i, cases)),
          null,
          2,
        ) + '\n',
      );
      return warnDamaged();
    }
    if (incidents.length === 0) {
      io.stdout('No incidents yet. Add one with "evidence-vault add".\n');
      return warnDamaged();
    }
    for (const incident of incidents) {
      const when = formatOccurredAt(incident.occurredAt) + (incident.occurredAt.approximate ? ' (approx.)' : '');
      const cats = incident.categories.map((c) => CATEGORY_LABELS[c]).join(', ');
      io.stdout(`${when}  ${shown(incident.title)}${cats ? `  [${cats}]` : ''}\n`);
      io.stdout(`  id ${incident.id}\n`);
      for (const line of incident.description.split(/\r?\n/)) if (line.trim() !== '') io.stdout(`  | ${shown(line)}\n`);
      printExhibits(io, incident.exhibits, '    ');
    }
    const n = incidents.length;
    const x = incidents.reduce((sum, i) => sum + i.exhibits.length, 0);
    io.stdout(`${n} incident${n === 1 ? '' : 's'}, ${x} exhibit${x === 1 ? '' : 's'}.\n`);
    return warnDamaged();
  });
}
