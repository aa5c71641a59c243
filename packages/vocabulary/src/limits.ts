/** How long and how large what users type may be: the API refuses more, forms stop at it. */
export const LIMITS = {
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 256,
  nameMax: 100,
  descriptionMax: 1000,
  iconMax: 16,
  unitMax: 20,
  noteMax: 2000,
  groupNameMax: 60,
  numberMax: 1e9,
  historyMaxDays: 3700,
  idempotencyKeyMax: 100,
} as const;

/** What each kind of schedule may ask for (both ends included). */
export const SCHEDULE_LIMITS = {
  /** Completions in each week. */
  timesPerWeek: { min: 1, max: 7 },
  /** Completions in each calendar month ("31 times a month" = every day). */
  timesPerMonth: { min: 1, max: 31 },
  /** Days between due days of an every-n-days schedule. */
  everyNDays: { min: 1, max: 365 },
  /** "times in any days": a window of 2–365 days, fewer times than days (as many is daily). */
  timesInDays: { times: { min: 1, max: 364 }, days: { min: 2, max: 365 } },
} as const;

/** Reminders, vacations and push devices (docs/decisions/0019-reminders-and-web-push.md). */
export const REMINDER_LIMITS = {
  /** Reminders per habit. */
  perHabit: 10,
  /** Devices per user. */
  devices: 20,
  vacations: 100,
  /** Longest vacation, in days. */
  vacationDays: 366,
  endpointMax: 2048,
  labelMax: 100,
  /** Snooze: minutes later. */
  snoozeMinutesMax: 240,
} as const;
