/**
 * The API's shapes, once. The server validates with them and publishes them as OpenAPI;
 * the web app takes its types from them (type-only imports, so no zod reaches the browser).
 * Their limits, codes and photo types are @habit-tracker/vocabulary's, which the web imports
 * as values. docs/api.md is the human map of the same contract.
 */

import { isValidLocalDate, normalizeTimeZone } from '@habit-tracker/core';
import {
  CHECK_ISSUE_CODES,
  ERROR_CODES,
  LIMITS,
  LOCALE_TAGS,
  PASSWORD_RULES,
  SCHEDULE_LIMITS,
} from '@habit-tracker/vocabulary';
import { z } from '@hono/zod-openapi';

/**
 * Text that is stored: PostgreSQL's text cannot hold U+0000, so a NUL would fail the INSERT (a
 * 500) instead of being refused here with the field named (a 422).
 */
const withoutNul = <T extends z.ZodType<string>>(schema: T) =>
  schema.refine((s) => !s.includes('\u0000'), { message: 'Text cannot contain the NUL character' });

export const LocalDateSchema = z
  .string()
  .refine(isValidLocalDate, { message: 'Expected a real calendar date YYYY-MM-DD (1900–2999)' })
  .openapi({ example: '2026-11-22', format: 'date' });

/**
 * An IANA time zone, matched case-insensitively ('asia/kolkata' is valid input) and parsed into
 * its canonical spelling ('Asia/Kolkata'), so every client displays the same name: what passes
 * here is stored as is.
 */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .transform((tz, ctx) => {
    const canonical = normalizeTimeZone(tz);
    if (canonical !== null) return canonical;
    ctx.addIssue({ code: 'custom', message: 'Expected an IANA time zone such as "Europe/Berlin"' });
    return z.NEVER;
  })
  .openapi({ example: 'Asia/Singapore' });

export const WeekdaySchema = z
  .union([
    z.literal(1),
    z.literal(2),
    z.literal(3),
    z.literal(4),
    z.literal(5),
    z.literal(6),
    z.literal(7),
  ])
  .openapi({ description: 'ISO weekday: 1 = Monday … 7 = Sunday' });

/** A language the app has a catalog for (`en-XA` is the pseudo-locale, for testing layouts). */
export const LocaleSchema = z
  .enum(LOCALE_TAGS, { message: `Expected one of ${LOCALE_TAGS.join(', ')}` })
  .openapi({ example: 'de' });

export const SettingsSchema = z
  .object({
    timeZone: TimeZoneSchema,
    dayStartHour: z.number().int().min(0).max(23),
    weekStart: WeekdaySchema,
    locale: LocaleSchema.nullable().openapi({
      description:
        "The account's language for the app and its emails; null follows the browser's languages",
    }),
  })
  .openapi('Settings');

export const SettingsPatchSchema = SettingsSchema.partial().strict().openapi('SettingsPatch');

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'Expected an email address' }))
  .openapi({ example: 'ada@example.com' });

const PasswordSchema = z
  .string()
  .min(LIMITS.passwordMin, `Password must be at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax)
  .openapi({
    description:
      'At least 8 characters, up to 256: passphrases welcome. Common and breached passwords, ' +
      'repeated characters, sequences and the email itself are refused with 422 and a reason ' +
      '(password-policy.ts, NIST SP 800-63B).',
  });

export const SignUpSchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    timeZone: TimeZoneSchema.optional(),
    dayStartHour: z.number().int().min(0).max(23).optional(),
    weekStart: WeekdaySchema.optional(),
    invite: z.string().max(200).optional().openapi({
      description:
        'The token of an invite link (`/sign-up?invite=…`); needed when the sign-up mode is `invite`.',
    }),
  })
  .strict()
  .openapi('SignUp');

export const SignInSchema = z
  .object({ email: EmailSchema, password: z.string().min(1).max(LIMITS.passwordMax) })
  .strict()
  .openapi('SignIn');

export const ChangePasswordSchema = z
  .object({
    /** Required when the account has a password; an account without one sets its first. */
    currentPassword: z.string().min(1).max(LIMITS.passwordMax).optional(),
    newPassword: PasswordSchema,
  })
  .strict()
  .openapi('ChangePassword');

export const DeleteAccountSchema = z
  .object({
    /** Required when the account has a password. */
    password: z.string().min(1).max(LIMITS.passwordMax).optional(),
    /** An account without a password (made by an OpenID Connect sign-in) confirms with its email. */
    email: z.string().trim().toLowerCase().max(LIMITS.emailMax).optional().openapi({
      description: "The account's email, typed to confirm; only for an account without a password.",
    }),
  })
  .strict()
  .openapi('DeleteAccount');

export const PasswordResetRequestSchema = z
  .object({ email: EmailSchema })
  .strict()
  .openapi('PasswordResetRequest');

export const PasswordResetAcceptedSchema = z
  .object({
    message: z.string().openapi({
      example: 'If an account exists for that address, we sent a link to reset its password.',
    }),
  })
  .openapi('PasswordResetAccepted');

export const PasswordResetConfirmSchema = z
  .object({
    token: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: 'The `token` of the emailed link (`/reset-password?token=…`)' }),
    password: PasswordSchema,
  })
  .strict()
  .openapi('PasswordResetConfirm');

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    createdAt: z.string(),
    hasPassword: z.boolean().openapi({
      description:
        'False for an account an OpenID Connect sign-in made and no password was set for.',
    }),
  })
  .openapi('User');

export const MeSchema = z.object({ user: UserSchema, settings: SettingsSchema }).openapi('Me');

const between = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);

export const ScheduleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('daily') }).strict(),
    z
      .object({
        kind: z.literal('weekdays'),
        days: z
          .array(WeekdaySchema)
          .min(1)
          .max(7)
          .refine((d) => new Set(d).size === d.length, { message: 'Weekdays must be unique' }),
      })
      .strict(),
    z
      .object({ kind: z.literal('times_per_week'), times: between(SCHEDULE_LIMITS.timesPerWeek) })
      .strict(),
    z
      .object({ kind: z.literal('times_per_month'), times: between(SCHEDULE_LIMITS.timesPerMonth) })
      .strict(),
    z
      .object({
        kind: z.literal('every_n_days'),
        interval: between(SCHEDULE_LIMITS.everyNDays),
        startDate: LocalDateSchema,
      })
      .strict(),
    z
      .object({
        kind: z.literal('times_in_days'),
        times: between(SCHEDULE_LIMITS.timesInDays.times),
        days: between(SCHEDULE_LIMITS.timesInDays.days),
      })
      .strict()
      .refine((s) => s.times < s.days, {
        message: 'times must be fewer than days (as many times as days is every day)',
        path: ['times'],
      })
      .openapi({
        description:
          'A rolling window: `times` check-ins in any `days` consecutive days ("3 times in any 10 days"), as Loop Habit Tracker counts them',
      }),
  ])
  .openapi('Schedule');

/** At most 0 is a real target ("no sugar at all"); at least 0 would be met by anything. */
const TargetNumber = z.number().finite().min(0).max(LIMITS.numberMax);

export const MeasureSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('boolean') }).strict(),
    z
      .object({
        kind: z.literal('numeric'),
        unit: withoutNul(z.string().trim().min(1).max(LIMITS.unitMax)),
        target: TargetNumber,
        direction: z.enum(['at_least', 'at_most']),
      })
      .strict()
      .refine((m) => m.direction === 'at_most' || m.target > 0, {
        message: 'An at-least target must be more than 0',
        path: ['target'],
      }),
  ])
  .openapi('Measure');

const HabitName = withoutNul(
  z.string().trim().min(1, 'Name must not be empty').max(LIMITS.nameMax),
);
const HexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour like #3b82f6')
  .transform((s) => s.toLowerCase());

export const HabitCreateSchema = z
  .object({
    name: HabitName,
    description: withoutNul(z.string().max(LIMITS.descriptionMax)).optional(),
    color: HexColor.optional(),
    icon: withoutNul(z.string().max(LIMITS.iconMax)).optional(),
    measure: MeasureSchema,
    schedule: ScheduleSchema,
    groupId: z.uuid().nullable().optional(),
  })
  .strict()
  .openapi('HabitCreate');

export const HabitPatchSchema = z
  .object({
    name: HabitName,
    description: withoutNul(z.string().max(LIMITS.descriptionMax)),
    color: HexColor,
    icon: withoutNul(z.string().max(LIMITS.iconMax)),
    measure: MeasureSchema,
    schedule: ScheduleSchema,
    groupId: z.uuid().nullable(),
  })
  .partial()
  .strict()
  .openapi('HabitPatch');

export const HabitSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    color: z.string(),
    icon: z.string(),
    measure: MeasureSchema,
    schedule: ScheduleSchema,
    position: z.number().int(),
    groupId: z.uuid().nullable(),
    startDate: z.string(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Habit');

export const HabitListSchema = z.object({ habits: z.array(HabitSchema) }).openapi('HabitList');

export const HabitStatusQuerySchema = z.object({
  status: z.enum(['active', 'archived', 'all']).default('active'),
});

export const HabitOrderSchema = z
  .object({ ids: z.array(z.uuid()).max(1000) })
  .strict()
  .openapi('HabitOrder');

const GroupName = withoutNul(
  z.string().trim().min(1, 'Name must not be empty').max(LIMITS.groupNameMax),
);

export const GroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Group');

export const GroupListSchema = z.object({ groups: z.array(GroupSchema) }).openapi('GroupList');

export const GroupWriteSchema = z.object({ name: GroupName }).strict().openapi('GroupWrite');

/** Every group and every active habit, each exactly once, in their new order. */
export const LayoutSchema = z
  .object({
    ungrouped: z.array(z.uuid()).max(1000),
    groups: z
      .array(z.object({ id: z.uuid(), habitIds: z.array(z.uuid()).max(1000) }).strict())
      .max(200),
  })
  .strict()
  .openapi('Layout');

export const LayoutResultSchema = z
  .object({ groups: z.array(GroupSchema), habits: z.array(HabitSchema) })
  .openapi('LayoutResult');

export const HabitIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const CheckinParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  date: LocalDateSchema.openapi({ param: { name: 'date', in: 'path' } }),
});

/**
 * DELETE's `keep=notes`: clear the mark but keep what the user wrote — a day with a note or
 * photos becomes a note-only day; a day without is deleted.
 */
export const CheckinDeleteQuerySchema = z.object({
  keep: z
    .enum(['notes'])
    .optional()
    .openapi({
      description:
        '`notes`: remove the mark but keep what the user wrote — a day with a (non-empty) note ' +
        'or photos becomes a note-only day (state `note`, value null, note and photos kept); ' +
        'one without is deleted. Absent: the check-in is deleted with its note and photos.',
    }),
});

/** 'note': a day with only a note, no check-in (streaks and scores treat it as none). */
const CheckinStateSchema = z.enum(['done', 'skipped', 'note']);

export const CheckinPutSchema = z
  .object({
    state: CheckinStateSchema,
    value: z.number().finite().min(0).max(LIMITS.numberMax).nullable().optional(),
    note: withoutNul(z.string().max(LIMITS.noteMax)).nullable().optional(),
  })
  .strict()
  .refine((c) => c.state !== 'note' || (c.note ?? '').trim() !== '', {
    message: 'A day with only a note needs the note',
    path: ['note'],
  })
  .refine((c) => c.state !== 'note' || c.value == null, {
    message: 'A day with only a note has no value',
    path: ['value'],
  })
  .openapi('CheckinPut');

export const CheckinSchema = z
  .object({
    date: z.string(),
    state: CheckinStateSchema,
    value: z.number().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Checkin');

export const StreaksSchema = z
  .object({
    current: z.number().int(),
    best: z.number().int(),
    unit: z.enum(['days', 'weeks', 'months']),
  })
  .openapi('Streaks');

export const PeriodProgressSchema = z
  .object({
    /** 'window': the `days` days ending today, for a times_in_days schedule. */
    kind: z.enum(['day', 'week', 'month', 'window']),
    start: z.string(),
    end: z.string(),
    done: z.number().int(),
    target: z.number().int(),
    met: z.boolean(),
  })
  .openapi('PeriodProgress');

/** A day with a check-in, in the Today grid: its state and amount (no note, no times). */
export const RecentDaySchema = z
  .object({ date: z.string(), state: CheckinStateSchema, value: z.number().nullable() })
  .openapi('RecentDay');

export const TodayHabitSchema = z
  .object({
    habit: HabitSchema,
    due: z.boolean(),
    checkin: CheckinSchema.nullable(),
    /** The days from Today's `recentFrom` to `date` that have a check-in, oldest first. */
    recent: z.array(RecentDaySchema),
    streak: StreaksSchema,
    score: z.number(),
    period: PeriodProgressSchema,
  })
  .openapi('TodayHabit');

export const TodaySchema = z
  .object({
    date: z.string(),
    /** The first day of the grid (`date` − 13): `recent` covers recentFrom..date. */
    recentFrom: z.string(),
    /** When the user's next day begins (ISO instant): the open app moves on then. */
    nextDayAt: z.string(),
    settings: SettingsSchema,
    /** The groups that hold an active habit, in order (Today shows ungrouped habits first). */
    groups: z.array(GroupSchema),
    habits: z.array(TodayHabitSchema),
  })
  .openapi('Today');

export const HistoryQuerySchema = z.object({
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
});

export const HistorySchema = z
  .object({
    habit: HabitSchema,
    from: z.string(),
    to: z.string(),
    today: z.string(),
    checkins: z.array(CheckinSchema),
    streak: StreaksSchema,
    score: z.number(),
    scores: z.array(z.object({ date: z.string(), score: z.number() })),
    weekdayCounts: z.array(z.number().int()).length(7),
  })
  .openapi('History');

export const StatsQuerySchema = z.object({
  unit: z.enum(['week', 'month', 'year']).default('week'),
});

const CompletionSchema = z.object({
  /** Met days (at most `expected`). */
  done: z.number(),
  /** Days the schedules asked for (fractional for weekly and monthly targets). */
  expected: z.number(),
});

export const StatsSchema = z
  .object({
    unit: z.enum(['week', 'month', 'year']),
    today: z.string(),
    /** Oldest first; the last one holds today. */
    periods: z.array(z.object({ start: z.string(), end: z.string() })),
    /** Every active habit together, period by period. */
    overall: z.array(CompletionSchema),
    habits: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        color: z.string(),
        icon: z.string(),
        periods: z.array(CompletionSchema),
      }),
    ),
  })
  .openapi('Stats');

export const LiveSchema = z.object({ status: z.literal('ok') }).openapi('Live');
export type Live = z.infer<typeof LiveSchema>;

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    region: z.string(),
    machine: z.string(),
    version: z.string(),
    database: z.object({
      reachable: z.boolean(),
      kind: z.enum(['pglite', 'postgres']),
      rttMs: z.number().nullable(),
      /** Which database answered this health query: this region's replica, or the primary. */
      servedBy: z.enum(['primary', 'replica']).nullable(),
    }),
    /** Multi-region state (docs/decisions/0006-multi-region-data-routing.md). */
    replication: z.object({
      role: z.enum(['primary-region', 'replica-region']),
      primaryRegion: z.string().nullable(),
      writeRouting: z.enum(['replay', 'direct']),
      primaryReachable: z.boolean(),
      /** Null without a read replica (DATABASE_READ_URL). */
      replica: z
        .object({
          reachable: z.boolean(),
          lagBytes: z.number().nullable(),
          lagSeconds: z.number().nullable(),
        })
        .nullable(),
    }),
  })
  .openapi('Health');

/** One entry of a `validation_failed` error's details (docs/api.md, "Errors"). */
export const ValidationIssueSchema = z
  .object({
    path: z.string().openapi({ description: 'The field, e.g. `measure.target` or `query.from`' }),
    message: z.string().openapi({ description: 'What is wrong, in English' }),
    code: z
      .string()
      .optional()
      .openapi({
        description:
          "zod's issue code (`too_small`, `too_big`, `invalid_format`, `invalid_type`, `unrecognized_keys`, …) when the schema found it; for the server's own checks one of: " +
          CHECK_ISSUE_CODES.map((c) => `\`${c}\``).join(', ') +
          ' (docs/api.md, "Errors")',
      }),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    origin: z.string().optional().openapi({
      description:
        'What a bound counts: `string` (characters), `number`, `array`, `days` (a date range)…',
    }),
    inclusive: z.literal(false).optional().openapi({ description: 'The bound itself is refused' }),
    format: z
      .string()
      .optional()
      .openapi({ description: 'For `invalid_format`: `email`, `regex`…' }),
    expected: z.string().optional().openapi({ description: 'For `invalid_type`: the type wanted' }),
    rule: z
      .enum(PASSWORD_RULES)
      .optional()
      .openapi({ description: 'For `password_rule`: which rule of the password policy' }),
  })
  .openapi('ValidationIssue');

export const ErrorSchema = z
  .object({
    error: z.object({
      /** The codes and their statuses: @habit-tracker/vocabulary's ERROR_STATUS (docs/api.md). */
      code: z.enum(ERROR_CODES),
      message: z.string(),
      /** `validation_failed`: ValidationIssue[]; others (import_invalid, quota_exceeded): docs/api.md. */
      details: z.union([z.array(ValidationIssueSchema), z.unknown()]).optional(),
    }),
  })
  .openapi('Error');

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
export type SignUp = z.input<typeof SignUpSchema>;
export type SignIn = z.input<typeof SignInSchema>;
export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;
export type PasswordResetConfirm = z.input<typeof PasswordResetConfirmSchema>;
export type Me = z.infer<typeof MeSchema>;
export type Habit = z.infer<typeof HabitSchema>;
export type HabitCreate = z.input<typeof HabitCreateSchema>;
export type HabitPatch = z.input<typeof HabitPatchSchema>;
export type CheckinPut = z.input<typeof CheckinPutSchema>;
export type CheckinDto = z.infer<typeof CheckinSchema>;
export type TodayHabit = z.infer<typeof TodayHabitSchema>;
export type RecentDay = z.infer<typeof RecentDaySchema>;
export type Group = z.infer<typeof GroupSchema>;
export type GroupWrite = z.infer<typeof GroupWriteSchema>;
export type Layout = z.infer<typeof LayoutSchema>;
export type LayoutResult = z.infer<typeof LayoutResultSchema>;
export type Today = z.infer<typeof TodaySchema>;
export type History = z.infer<typeof HistorySchema>;
export type Health = z.infer<typeof HealthSchema>;
export type Stats = z.infer<typeof StatsSchema>;
export type ApiError = z.infer<typeof ErrorSchema>;
