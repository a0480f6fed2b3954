/** Issue 12: a time is never invented, and what has not happened yet cannot be recorded. Real vaults. */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { setClock } from '../store/store.js';
import { cleanupTemp, errorOf, incident, newVault } from '../../../test/support/core.js';

afterAll(cleanupTemp);
afterEach(() => setClock(undefined));

describe('incident dates', () => {
  test('a future date or time is refused with one plain line, and nothing changes', async () => {
    setClock(() => new Date('2024-11-12T20:31:00Z'));
    const { vault } = await newVault();
    const inc = vault.createIncident(incident('Letter', { occurredAt: { date: '2024-11-12', approximate: false } }));
    const before = { incidents: vault.listIncidents(), log: vault.custodyLog().length };

    const tomorrow = await errorOf(() =>
      vault.createIncident(incident('Later', { occurredAt: { date: '2024-11-14', approximate: false } })),
    );
    expect(tomorrow).toMatchObject({ code: 'INVALID_INPUT' });
    expect(tomorrow.message).toBe(
      'Invalid date for the incident: 14/11/2024 is in the future. Give the date it happened.',
    );
    const inAnHour = await errorOf(() =>
      vault.updateIncident(
        inc.id,
        incident('Letter', { occurredAt: { date: '2024-11-12', time: '21:40', offset: 'Z', approximate: false } }),
      ),
    );
    expect(inAnHour.message).toBe(
      'Invalid date for the incident: 12/11/2024 21:40 is in the future. Give the date it happened.',
    );
    expect({ incidents: vault.listIncidents(), log: vault.custodyLog().length }).toEqual(before);

    // Just now, and today as a date alone (today somewhere east of the UK too), are fine.
    vault.createIncident(
      incident('Now', { occurredAt: { date: '2024-11-12', time: '20:31', offset: 'Z', approximate: false } }),
    );
    vault.createIncident(incident('Today in Auckland', { occurredAt: { date: '2024-11-13', approximate: false } }));
    vault.close();
  });
});
