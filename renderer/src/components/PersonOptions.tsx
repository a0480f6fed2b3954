import { personName, type Person } from '../../../shared/model.js';
import { useT } from '../i18n/index.js';

/** The options of a "Person" filter: "Anyone" (value ''), then everyone recorded, by name. */
export function PersonOptions({ people }: { people: readonly Person[] }) {
  const t = useT();
  const sorted = people
    .map((p) => ({ id: p.id, name: personName(p) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return (
    <>
      <option value="">{t('incident.people.anyone')}</option>
      {sorted.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}
