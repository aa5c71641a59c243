import { HABIT_COLORS } from '@habit-tracker/vocabulary';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Habit } from '../api/client';
import { activate } from '../i18n/i18n';
import { emptyForm, firstFreeColor, formFromHabit, scheduleSummary, toBody } from './habit-form';

const TODAY = '2026-03-15';

// The summary's target comes from the message catalog (English here).
beforeAll(() => activate('en'));

describe('the habit form', () => {
  it('turns a filled form into the request body', () => {
    const form = {
      ...emptyForm(TODAY),
      name: '  Run ',
      measureKind: 'numeric' as const,
      unit: 'km',
      target: '5,5',
      scheduleKind: 'weekdays' as const,
      days: [5, 1, 3] as (1 | 3 | 5)[],
    };
    expect(toBody(form)).toEqual({
      body: {
        name: 'Run',
        description: '',
        icon: '',
        color: HABIT_COLORS[0].value,
        measure: { kind: 'numeric', unit: 'km', target: 5.5, direction: 'at_least' },
        schedule: { kind: 'weekdays', days: [1, 3, 5] },
        groupId: null,
      },
    });
    expect(scheduleSummary(form, 1)).toBe('Mon, Wed, Fri · at least 5.5 km');
  });

  it('says what is missing, field by field', () => {
    const form = {
      ...emptyForm(TODAY),
      measureKind: 'numeric' as const,
      target: '0',
      scheduleKind: 'times_per_week' as const,
      timesPerWeek: '9',
    };
    const result = toBody(form);
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual([
      'measure.target',
      'measure.unit',
      'name',
      'schedule.times',
    ]);
  });

  it('reads a habit back into the same form', () => {
    const habit = {
      name: 'Water plants',
      description: 'Balcony',
      icon: '🌿',
      color: '#22c55e',
      measure: { kind: 'boolean' },
      schedule: { kind: 'every_n_days', interval: 3, startDate: '2026-03-01' },
    } as Habit;
    const form = formFromHabit(habit, TODAY);
    const result = toBody(form);
    expect('body' in result && result.body).toMatchObject({
      name: 'Water plants',
      schedule: { kind: 'every_n_days', interval: 3, startDate: '2026-03-01' },
    });
  });

  it('gives a new habit a colour no habit has yet', () => {
    expect(firstFreeColor([])).toBe(HABIT_COLORS[0].value);
    expect(firstFreeColor([HABIT_COLORS[0].value, HABIT_COLORS[1].value.toUpperCase()])).toBe(
      HABIT_COLORS[2].value,
    );
    const all = HABIT_COLORS.map((c) => c.value);
    expect(firstFreeColor([...all, ...all.slice(0, 3)])).toBe(HABIT_COLORS[3].value);
  });
});
