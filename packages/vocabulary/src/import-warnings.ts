/**
 * The codes of an import preview's warnings (what an import approximated or left out): the
 * importers (@habit-tracker/portability) send them with their values and the English sentence,
 * and the web app says each in the reader's language (`import.warning.<code>`). Similar
 * warnings share a code, the app or the count being a value.
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
