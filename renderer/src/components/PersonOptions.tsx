import { personName, type Person } from '../../../shared/model.js';

/** The options of a "Person" filter: "Anyone" (value ''), then everyone recorded, by name. */
export function PersonOptions({ people }: { people: readonly Person[] }) {
  const sorted = people
    .map((p) => ({ id: p.id, name: personName(p) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return (
    <>
      <option value="">Anyone</option>
      {sorted.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </>
  );
}
