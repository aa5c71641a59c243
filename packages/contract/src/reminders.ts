/** Reminders, vacations, push subscriptions and notifications (docs/api.md, "Reminders"). */
import { isValidLocalTime } from '@habit-tracker/core';
import { REMINDER_LIMITS } from '@habit-tracker/vocabulary';
import { z } from '@hono/zod-openapi';
import { LocalDateSchema, LocaleSchema, WeekdaySchema } from './schemas';

export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time HH:MM, 00:00–23:59')
  .refine(isValidLocalTime, { message: 'Expected a time HH:MM, 00:00–23:59' })
  .openapi({ example: '07:30' });

const DaysSchema = z
  .array(WeekdaySchema)
  .min(1)
  .max(7)
  .refine((d) => new Set(d).size === d.length, { message: 'Weekdays must be unique' })
  .nullable()
  .openapi({
    description: 'ISO weekdays of the habit day to remind on; null: on the habit’s due days',
  });

export const ReminderIdParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const ReminderCreateSchema = z
  .object({ habitId: z.uuid(), time: LocalTimeSchema, days: DaysSchema.default(null) })
  .strict()
  .openapi('ReminderCreate');

export const ReminderPatchSchema = z
  .object({ time: LocalTimeSchema, days: DaysSchema })
  .partial()
  .strict()
  .openapi('ReminderPatch');

export const ReminderSchema = z
  .object({
    id: z.uuid(),
    habitId: z.uuid(),
    time: z.string(),
    days: z.array(z.number().int()).nullable(),
    /** The next time it fires (it names the habit only if due and not done then). */
    nextAt: z.string().nullable(),
    /** The habit day of `nextAt`. */
    nextDate: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Reminder');

export const ReminderListQuerySchema = z.object({
  habitId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'habitId', in: 'query' } }),
});

export const ReminderListSchema = z
  .object({ reminders: z.array(ReminderSchema) })
  .openapi('ReminderList');

// ---- Vacations ------------------------------------------------------------------------------

export const VacationInputSchema = z
  .object({
    from: LocalDateSchema,
    to: LocalDateSchema,
    habitIds: z
      .array(z.uuid())
      .min(1)
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Habits must be unique' })
      .nullable()
      .default(null)
      .openapi({ description: 'The habits on vacation; null: all of them' }),
  })
  .strict()
  // `to` ≥ `from` is checked by the handler, after the vacation is found (a 404 comes first).
  .openapi('VacationInput');

export const VacationSchema = z
  .object({
    id: z.uuid(),
    from: z.string(),
    to: z.string(),
    habitIds: z.array(z.uuid()).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Vacation');

export const VacationListSchema = z
  .object({ vacations: z.array(VacationSchema) })
  .openapi('VacationList');

// ---- Push ---------------------------------------------------------------------------------

export const PushKeySchema = z
  .object({ publicKey: z.string().openapi({ description: 'VAPID public key, base64url' }) })
  .openapi('PushKey');

export const PushSubscriptionInputSchema = z
  .object({
    endpoint: z.url().max(REMINDER_LIMITS.endpointMax),
    keys: z
      .object({
        p256dh: z
          .string()
          .regex(/^[A-Za-z0-9_-]{80,100}={0,2}$/, 'Expected a base64url P-256 public key')
          .openapi({
            example:
              'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
          }),
        auth: z
          .string()
          .regex(/^[A-Za-z0-9_-]{16,32}={0,2}$/, 'Expected a base64url auth secret')
          .openapi({ example: 'tBHItJI5svbpez7KI4CCXg' }),
      })
      .strict(),
    expirationTime: z.number().nullable().optional(),
    label: z
      .string()
      .max(REMINDER_LIMITS.labelMax)
      .refine((s) => !s.includes('\u0000'), { message: 'Text cannot contain the NUL character' })
      .optional(),
    locale: LocaleSchema.optional().openapi({
      description:
        "This browser's language (the catalog the app picks from its languages); reminders use it when the account has no language " +
        '(omitted on an update: the language saved before stays)',
    }),
  })
  .strict()
  .openapi('PushSubscriptionInput');

export const PushSubscriptionSchema = z
  .object({
    id: z.uuid(),
    endpoint: z.string(),
    label: z.string(),
    createdAt: z.string(),
    lastSuccessAt: z.string().nullable(),
  })
  .openapi('PushSubscription');

export const PushSubscriptionListSchema = z
  .object({ subscriptions: z.array(PushSubscriptionSchema) })
  .openapi('PushSubscriptionList');

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['reminder', 'snooze', 'test']),
    fireAt: z.string(),
    date: z.string().nullable(),
    status: z.enum(['scheduled', 'sent', 'nothing_due', 'late']),
  })
  .openapi('Notification');

export const SnoozeSchema = z
  .object({ minutes: z.number().int().min(1).max(REMINDER_LIMITS.snoozeMinutesMax).default(10) })
  .strict()
  .openapi('Snooze');

/**
 * What a push message carries (encrypted end to end): the service worker draws it. `id` is the
 * notification's: the worker shows an id once, whatever the network repeats.
 */
export interface PushPayload {
  v: 1;
  id: string;
  kind: 'reminder' | 'snooze' | 'test';
  /** The habit day (check-ins from the Done action go there). */
  date: string | null;
  title: string;
  body: string;
  /** The habits named; `boolean` ones can be checked in by the Done action. */
  habits: { id: string; name: string; boolean: boolean }[];
}

export type Reminder = z.infer<typeof ReminderSchema>;
export type ReminderCreate = z.input<typeof ReminderCreateSchema>;
export type ReminderPatch = z.input<typeof ReminderPatchSchema>;
export type Vacation = z.infer<typeof VacationSchema>;
export type VacationInput = z.input<typeof VacationInputSchema>;
export type PushSubscriptionDto = z.infer<typeof PushSubscriptionSchema>;
export type PushSubscriptionInput = z.input<typeof PushSubscriptionInputSchema>;
export type NotificationDto = z.infer<typeof NotificationSchema>;
