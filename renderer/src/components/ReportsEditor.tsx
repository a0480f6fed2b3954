import type { Report } from '../../../shared/model.js';
import { TextField } from './Field.js';

/** The fields of a report, in the order they are shown: [field, label, input type]. */
type ReportField = [key: string, label: string, type: 'text' | 'date'];
const POLICE_REPORT_FIELDS: ReportField[] = [
  ['force', 'Police force', 'text'],
  ['reference', 'Crime or incident reference', 'text'],
  ['officer', 'Officer', 'text'],
  ['date', 'Date reported', 'date'],
];
const PLATFORM_REPORT_FIELDS: ReportField[] = [
  ['platform', 'Platform', 'text'],
  ['reference', 'Report reference', 'text'],
  ['date', 'Date reported', 'date'],
  ['outcome', 'Outcome', 'text'],
];

export function ReportsEditor({ reports, onChange }: { reports: Report[]; onChange(r: Report[]): void }) {
  const setAt = (i: number, r: Report) => onChange(reports.map((x, j) => (j === i ? r : x)));
  return (
    <fieldset>
      <legend>Where you reported it</legend>
      {reports.length === 0 ? <p className="hint">Not reported yet.</p> : null}
      {reports.map((r, i) => (
        <div
          key={i}
          className="report-box"
          role="group"
          aria-label={`Report ${i + 1}: ${r.kind === 'police' ? 'police' : 'platform'}`}
        >
          <div className="row">
            {(r.kind === 'police' ? POLICE_REPORT_FIELDS : PLATFORM_REPORT_FIELDS).map(([key, label, type]) => (
              <TextField
                key={key}
                id={`rep-${i}-${key}`}
                label={label}
                type={type}
                value={(r as Record<string, unknown>)[key] as string}
                onChange={(v) => setAt(i, { ...r, [key]: v })}
              />
            ))}
          </div>
          <button className="btn btn-danger" type="button" onClick={() => onChange(reports.filter((_, j) => j !== i))}>
            Remove this report
          </button>
          <p />
        </div>
      ))}
      <div className="btn-row">
        <button
          className="btn"
          type="button"
          onClick={() => onChange([...reports, { kind: 'police', force: '', reference: '', officer: '', date: '' }])}
        >
          Add a police report
        </button>
        <button
          className="btn"
          type="button"
          onClick={() =>
            onChange([...reports, { kind: 'platform', platform: '', reference: '', date: '', outcome: '' }])
          }
        >
          Add a platform report
        </button>
      </div>
    </fieldset>
  );
}
