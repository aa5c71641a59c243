import { IMPORT_WARNING_CODES } from '@habit-tracker/vocabulary';
import { afterAll, describe, expect, it } from 'vitest';
import { activate } from '../i18n/i18n';
import { warningMessageId, warningText } from './import-warnings';

afterAll(() => activate('en'));

const deleted = {
  code: 'deleted_habits_left_out',
  values: { count: 2, app: 'Table Habit' },
  message: "2 habits in Table Habit's recycle bin were left out.",
};

describe('import preview warnings', () => {
  it('have a sentence for every code the importers send', () => {
    expect(IMPORT_WARNING_CODES.filter((code) => !warningMessageId(code))).toEqual([]);
  });

  it('say a warning from its code and values in the active language', async () => {
    await activate('de');
    expect(warningText(deleted)).toBe(
      '2 gelöschte Gewohnheiten wurden ausgelassen (Table Habit bewahrt sie im Papierkorb auf).',
    );
    expect(warningText({ ...deleted, values: { count: 1, app: 'Beaver Habits' } })).toBe(
      '1 gelöschte Gewohnheit wurde ausgelassen (Beaver Habits bewahrt sie im Papierkorb auf).',
    );
    expect(
      warningText({
        code: 'no_unit',
        values: { habit: 'Liegestütze', app: 'Loop', unit: 'times' },
        message: '"Liegestütze" has no unit in Loop; it is imported counting "times".',
      }),
    ).toBe('„Liegestütze“ hat in Loop keine Einheit; gezählt wird in „times“.');
  });

  it('show the English sentence for a preview stored before codes, or a code not known yet', async () => {
    await activate('de');
    const old = { code: 'text', values: {}, message: 'Reminders set in Loop are not imported.' };
    expect(warningText(old)).toBe(old.message);
    const newer = { code: 'from_the_future', values: { count: 1 }, message: 'Something new.' };
    expect(warningText(newer)).toBe('Something new.');
  });
});
