import { CATEGORY_LABELS, formatOccurredAt, type Incident } from '../../shared/model.js';
import { compareForTimeline } from '../../shared/timeline.js';
import type { CliIO } from './io.js';
import { EXIT, fail, parseCommandArgs } from './io.js';
import { withVault } from './service.js';
import { printExhibits, shown } from './output.js';

export const help = `Usage: evidence-vault list DIR [--json]

List the incidents in the vault, oldest first, with their exhibits.

Options:
  --json       print a JSON array: one object per incident with id, title, occurredAt (ISO 8601),
               approximate, categories, description, location, createdAt, updatedAt, writtenAt
               (when first written), changedAt (when last changed, or null) and
               exhibits: [{ id, name, size, sha256, mediaType, fileModifiedAt, importedAt }]
  -h, --help   show this help
`;

/** The --json shape of one incident (documented above and in the README). */
export function incidentJson(incident: Incident) {
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
    exhibits: incident.exhibits.map((x) => ({
      id: x.id,
      name: x.name,
      size: x.size,
      sha256: x.sha256,
      mediaType: x.mediaType,
      fileModifiedAt: x.fileModifiedAt,
      importedAt: x.importedAt,
    })),
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
      io.stdout(JSON.stringify(incidents.map(incidentJson), null, 2) + '\n');
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
