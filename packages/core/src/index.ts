/**
 * @habit-tracker/core: the habit tracker's pure domain — local dates, schedules, streaks and
 * scores. No I/O, so the server and the web app run the same rules.
 */
export * from './calendar';
export * from './checkin-rules';
export * from './completion';
export * from './day-status';
export * from './local-date';
export * from './measure';
export * from './reminder-habits';
export * from './reminders';
export * from './rolling-window';
export * from './schedule';
export * from './score';
export * from './streaks';
export * from './summary';
export type * from './types';
export * from './weekday-counts';
