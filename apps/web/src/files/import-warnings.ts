/**
 * An import preview's warnings in the active language: each code the server sends
 * (@habit-tracker/vocabulary's IMPORT_WARNING_CODES) has a sentence `import.warning.<code>`, filled
 * with the warning's values. `text` (a preview stored before warnings had codes) and a code this
 * build does not know yet show the server's English sentence.
 */

import type { ImportWarningCode } from '@habit-tracker/vocabulary';
import type { ImportPreview } from '../api/files';
import type { MessageId } from '../i18n/i18n';
import { t } from '../i18n/i18n';

export type ImportWarning = ImportPreview['warnings'][number];

/** Each code's sentence (a code without one, or a missing catalog key, fails the typecheck). */
const MESSAGES: Record<ImportWarningCode, MessageId> = {
  schedule_approximated: 'import.warning.schedule_approximated',
  frequency_unreadable: 'import.warning.frequency_unreadable',
  reminders_not_imported: 'import.warning.reminders_not_imported',
  deleted_habits_left_out: 'import.warning.deleted_habits_left_out',
  no_daily_goal: 'import.warning.no_daily_goal',
  no_unit: 'import.warning.no_unit',
  skip_tag_as_skipped: 'import.warning.skip_tag_as_skipped',
  ideal_not_kept: 'import.warning.ideal_not_kept',
  no_schedules: 'import.warning.no_schedules',
  numbers_as_times: 'import.warning.numbers_as_times',
  dates_month_first: 'import.warning.dates_month_first',
  no_time_zone: 'import.warning.no_time_zone',
  minus_only: 'import.warning.minus_only',
  plus_and_minus: 'import.warning.plus_and_minus',
  history_averages_left_out: 'import.warning.history_averages_left_out',
  history_limited: 'import.warning.history_limited',
  record_yesterday_moved: 'import.warning.record_yesterday_moved',
  habits_without_buttons_left_out: 'import.warning.habits_without_buttons_left_out',
  todos_rewards_left_out: 'import.warning.todos_rewards_left_out',
  texts_shortened: 'import.warning.texts_shortened',
  measurable_without_unit: 'import.warning.measurable_without_unit',
  period_target_spread: 'import.warning.period_target_spread',
  habits_without_checkmarks: 'import.warning.habits_without_checkmarks',
  newer_loop_version: 'import.warning.newer_loop_version',
  orphan_checkmarks_skipped: 'import.warning.orphan_checkmarks_skipped',
  duplicate_checkmarks_skipped: 'import.warning.duplicate_checkmarks_skipped',
  checkmarks_off_midnight: 'import.warning.checkmarks_off_midnight',
};

/** The sentence of a code, or undefined for `text` and codes this build does not know. */
export const warningMessageId = (code: string): MessageId | undefined =>
  Object.hasOwn(MESSAGES, code) ? MESSAGES[code as ImportWarningCode] : undefined;

export function warningText(warning: ImportWarning): string {
  const id = warningMessageId(warning.code);
  return id ? t(id, warning.values) : warning.message;
}
