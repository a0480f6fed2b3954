/** Times offered from an incident's exhibits: a photo's capture time, an e-mail's Date header; never the same time twice. */
import { describe, expect, test } from 'vitest';
import type { ExtractedMetadata } from './model.js';
import { timeOffers } from './time-offers.js';
import type { WhenEntry } from './uk-time.js';

const empty: WhenEntry = { date: '2019-11-20', time: '', zone: 'uk', offset: 'Z', fold: '' };
const withExhibits = (...extracted: (ExtractedMetadata | undefined)[]) => ({
  exhibits: extracted.map((x, i) => ({ id: `ex${i}`, extracted: x })),
});

describe('timeOffers', () => {
  test('a photo without an offset is offered as UK time, in UK order', () => {
    const offers = timeOffers(withExhibits({ capturedAt: '2019-11-20T07:12:03' }), empty);
    expect(offers).toEqual([
      {
        exhibitId: 'ex0',
        source: 'photo',
        entry: { date: '2019-11-20', time: '07:12', zone: 'uk', offset: 'Z', fold: '' },
        label: 'Use 20/11/2019 07:12 from the photo?',
      },
    ]);
  });

  test('a photo with the UK offset of the day is UK time; another offset is named', () => {
    expect(timeOffers(withExhibits({ capturedAt: '2024-06-01T09:30:00+01:00' }), empty)[0]?.entry).toEqual({
      date: '2024-06-01',
      time: '09:30',
      zone: 'uk',
      offset: '+01:00',
      fold: '',
    });
    const abroad = timeOffers(withExhibits({ capturedAt: '2024-06-01T09:30:00+0200' }), empty)[0];
    expect(abroad?.entry).toMatchObject({ zone: 'offset', offset: '+02:00' });
    expect(abroad?.label).toBe('Use 01/06/2024 09:30 (UTC+02:00) from the photo?');
  });

  test("an e-mail's Date header is shown in UK time (BST in summer)", () => {
    const offers = timeOffers(withExhibits({ email: { date: 'Sat, 01 Jun 2024 08:05:00 +0000' } }), empty);
    expect(offers[0]?.label).toBe('Use 01/06/2024 09:05 from the e-mail?');
    expect(offers[0]?.entry).toMatchObject({ date: '2024-06-01', time: '09:05', zone: 'uk' });
  });

  test('the hour that happens twice is told apart by the offset', () => {
    const first = timeOffers(withExhibits({ email: { date: 'Sun, 27 Oct 2024 00:30:00 +0000' } }), empty)[0];
    const second = timeOffers(withExhibits({ email: { date: 'Sun, 27 Oct 2024 01:30:00 +0000' } }), empty)[0];
    expect(first?.entry).toMatchObject({ time: '01:30', zone: 'uk', fold: 'first' });
    expect(second?.entry).toMatchObject({ time: '01:30', zone: 'uk', fold: 'second' });
  });

  test('nothing is offered when the form already has that time, or the file gives none or nonsense', () => {
    const same: WhenEntry = { ...empty, time: '07:12' };
    expect(timeOffers(withExhibits({ capturedAt: '2019-11-20T07:12:03' }), same)).toEqual([]);
    expect(
      timeOffers(withExhibits(undefined, {}, { capturedAt: 'yesterday' }, { email: { date: 'soon' } }), empty),
    ).toEqual([]);
    expect(timeOffers(undefined, empty)).toEqual([]);
  });

  test('the same time from two exhibits is offered once', () => {
    const offers = timeOffers(
      withExhibits({ capturedAt: '2019-11-20T07:12:00' }, { email: { date: 'Wed, 20 Nov 2019 07:12:40 +0000' } }),
      empty,
    );
    expect(offers.map((o) => o.exhibitId)).toEqual(['ex0']);
  });
});
