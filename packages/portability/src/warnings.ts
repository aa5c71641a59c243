/**
 * What an import approximated or left out, as a stable code with its values (for the web to say
 * in the user's language) and the English sentence (for API users and logs). Similar warnings
 * share a code, the app or the count being a value.
 */

export const IMPORT_WARNING_CODES = [
  // Any app
  'schedule_approximated',
  'frequency_unreadable',
  'reminders_not_imported',
  'deleted_habits_left_out',
  'no_daily_goal',
  'no_unit',
  // Beaver Habits
  'skip_tag_as_skipped',
  // Table Habit
  'ideal_not_kept',
  // HabitBull
  'no_schedules',
  'numbers_as_times',
  'dates_month_first',
  // Habitica
  'no_time_zone',
  'minus_only',
  'plus_and_minus',
  'history_averages_left_out',
  'history_limited',
  'record_yesterday_moved',
  'habits_without_buttons_left_out',
  'todos_rewards_left_out',
  'texts_shortened',
  // Loop
  'measurable_without_unit',
  'period_target_spread',
  'habits_without_checkmarks',
  'newer_loop_version',
  'orphan_checkmarks_skipped',
  'duplicate_checkmarks_skipped',
  'checkmarks_off_midnight',
] as const;

export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

/** Placeholders only: a habit's name, a count, a unit… never a sentence. */
export type ImportWarningValues = Record<string, string | number>;

export interface ImportWarning {
  code: ImportWarningCode;
  values: ImportWarningValues;
  /** The warning in English. */
  message: string;
}

export function warning(
  code: ImportWarningCode,
  values: ImportWarningValues,
  message: string,
): ImportWarning {
  return { code, values, message };
}
