import type { Report } from '../../../shared/model.js';
import { useT, type MessageId } from '../i18n/index.js';
import { TextField } from './Field.js';

/** The fields of a report, in the order they are shown: [field, label's id, input type]. */
type ReportField = [key: string, label: MessageId, type: 'text' | 'date'];
const POLICE_REPORT_FIELDS: ReportField[] = [
  ['force', 'incident.report.force', 'text'],
  ['reference', 'incident.report.crime-reference', 'text'],
  ['officer', 'incident.report.officer', 'text'],
  ['date', 'incident.report.date', 'date'],
];
const PLATFORM_REPORT_FIELDS: ReportField[] = [
  ['platform', 'incident.platform', 'text'],
  ['reference', 'incident.report.reference', 'text'],
  ['date', 'incident.report.date', 'date'],
  ['outcome', 'incident.report.outcome', 'text'],
];

export function ReportsEditor({ reports, onChange }: { reports: Report[]; onChange(r: Report[]): void }) {
  const t = useT();
  const setAt = (i: number, r: Report) => onChange(reports.map((x, j) => (j === i ? r : x)));
  return (
    <fieldset>
      <legend>{t('incident.where-reported')}</legend>
      {reports.length === 0 ? <p className="hint">{t('incident.report.none')}</p> : null}
      {reports.map((r, i) => (
        <div
          key={i}
          className="report-box"
          role="group"
          aria-label={t(r.kind === 'police' ? 'incident.report.group.police' : 'incident.report.group.platform', {
            n: i + 1,
          })}
        >
          <div className="row">
            {(r.kind === 'police' ? POLICE_REPORT_FIELDS : PLATFORM_REPORT_FIELDS).map(([key, label, type]) => (
              <TextField
                key={key}
                id={`rep-${i}-${key}`}
                label={t(label)}
                type={type}
                value={(r as Record<string, unknown>)[key] as string}
                onChange={(v) => setAt(i, { ...r, [key]: v })}
              />
            ))}
          </div>
          <button className="btn btn-danger" type="button" onClick={() => onChange(reports.filter((_, j) => j !== i))}>
            {t('incident.report.remove')}
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
          {t('incident.report.add-police')}
        </button>
        <button
          className="btn"
          type="button"
          onClick={() =>
            onChange([...reports, { kind: 'platform', platform: '', reference: '', date: '', outcome: '' }])
          }
        >
          {t('incident.report.add-platform')}
        </button>
      </div>
    </fieldset>
  );
}
