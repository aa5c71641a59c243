import { describe, expect, it } from 'vitest';
import type { ImportDocument } from '../src/import-document';
import { summarize } from '../src/summarize';

const doc: ImportDocument = {
  source: 'loop-csv',
  warnings: [{ code: 'no_time_zone', values: { app: 'Habitica' }, message: 'No time zone.' }],
  habits: [
    {
      sourceId: '001',
      name: 'Run',
      description: '',
      color: '#3b82f6',
      icon: '',
      measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
      schedule: { kind: 'times_per_week', times: 3 },
      startDate: '2024-01-01',
      archived: false,
      position: 0,
      checkins: [
        {
          date: '2024-01-02',
          state: 'done',
          value: 5,
          note: 'ok',
          photos: [{ path: 'photos/a.jpg', contentType: 'image/jpeg' }],
        },
        { date: '2024-03-01', state: 'skipped', value: null, note: null },
      ],
    },
    {
      sourceId: '002',
      name: 'Floss',
      description: '',
      color: '#d32f2f',
      icon: '',
      measure: { kind: 'boolean' },
      schedule: { kind: 'weekdays', days: [7, 1, 3] },
      startDate: '2023-12-01',
      archived: true,
      position: 1,
      checkins: [{ date: '2023-12-25', state: 'done', value: null, note: null }],
    },
    {
      sourceId: '003',
      name: 'Empty',
      description: '',
      color: '#d32f2f',
      icon: '',
      measure: { kind: 'numeric', unit: 'cups', target: 2, direction: 'at_most' },
      schedule: { kind: 'every_n_days', interval: 2, startDate: '2024-01-01' },
      startDate: '2024-01-01',
      archived: false,
      position: 2,
      checkins: [],
    },
  ],
};

describe('summarize', () => {
  it('describes each habit and totals the import', () => {
    const summary = summarize(doc);
    expect(
      summary.habits.map((h) => [
        h.name,
        h.kind,
        h.measure,
        h.schedule,
        h.checkins,
        h.firstDate,
        h.lastDate,
      ]),
    ).toEqual([
      ['Run', 'numeric', 'At least 5 km', '3 times a week', 2, '2024-01-02', '2024-03-01'],
      ['Floss', 'boolean', 'Yes/no', 'Mon, Wed, Sun', 1, '2023-12-25', '2023-12-25'],
      ['Empty', 'numeric', 'At most 2 cups', 'Every other day', 0, null, null],
    ]);
    expect(summary.habits[0]).toMatchObject({ done: 1, skipped: 1, notes: 1, photos: 1 });
    expect(summary.totals).toEqual({
      habits: 3,
      archived: 1,
      checkins: 3,
      photos: 1,
      firstDate: '2023-12-25',
      lastDate: '2024-03-01',
    });
    expect(summary.habits.map((h) => h.scheduleRule)).toEqual(doc.habits.map((h) => h.schedule));
    expect(summary.warnings).toEqual(doc.warnings);
  });

  it('lists weekdays from the given week start', () => {
    expect(summarize(doc, 7).habits[1]!.schedule).toBe('Sun, Mon, Wed');
  });
});
