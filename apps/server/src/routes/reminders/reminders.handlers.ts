import type { Reminder } from '@habit-tracker/contract';
import { nextReminderOccurrence, type Weekday } from '@habit-tracker/core';
import * as db from '@habit-tracker/db';
import { REMINDER_LIMITS } from '@habit-tracker/vocabulary';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { checkFailed, notFound } from '../../errors';
import type * as routes from './reminders.routes';

export function toReminder(row: db.ReminderRow): Reminder {
  return {
    id: row.id,
    habitId: row.habitId,
    time: row.time,
    days: row.days,
    nextAt: row.nextFireAt?.toISOString() ?? null,
    nextDate: row.nextFireDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The weekdays sorted, so equal sets are stored alike. */
const sortedDays = (days: Weekday[] | null | undefined) =>
  days ? ([...days].sort() as Weekday[]) : null;

export const listReminders: RouteHandler<typeof routes.listReminders, AuthedEnv> = async (c) => {
  const { habitId } = c.req.valid('query');
  const rows = await db.listReminders(c.var.db.read, c.var.user.id, habitId);
  return c.json({ reminders: rows.map(toReminder) }, 200);
};

export const createReminder: RouteHandler<typeof routes.createReminder, AuthedEnv> = async (c) => {
  const input = c.req.valid('json');
  const { clock } = c.var.deps;
  const { user, settings } = c.var;
  const days = sortedDays(input.days);
  const next = nextReminderOccurrence({ time: input.time, days }, settings, clock().getTime());
  const row = await c.var.db.transaction(async (tx) => {
    // Locks the habit: concurrent creates take turns, so the limit holds.
    if (!(await db.getHabitForUpdate(tx, user.id, input.habitId)))
      throw notFound('Habit not found');
    const existing = await db.listReminders(tx, user.id, input.habitId);
    if (existing.length >= REMINDER_LIMITS.perHabit) {
      throw checkFailed(
        'habitId',
        'limit_reached',
        `A habit can have at most ${REMINDER_LIMITS.perHabit} reminders`,
        { maximum: REMINDER_LIMITS.perHabit },
      );
    }
    return db.createReminder(tx, user.id, {
      habitId: input.habitId,
      time: input.time,
      days,
      nextFireAt: next ? new Date(next.at) : null,
      nextFireDate: next?.date ?? null,
    });
  });
  if (!row) throw notFound('Habit not found');
  return c.json(toReminder(row), 201);
};

export const patchReminder: RouteHandler<typeof routes.patchReminder, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const input = c.req.valid('json');
  const { clock } = c.var.deps;
  const { user, settings } = c.var;
  const row = await c.var.db.transaction(async (tx) => {
    const current = await db.getReminder(tx, user.id, id);
    if (!current) return null;
    const time = input.time ?? current.time;
    const days = input.days === undefined ? current.days : sortedDays(input.days);
    // A changed reminder is a new rule: it may fire today even if the old one already did.
    const next = nextReminderOccurrence({ time, days }, settings, clock().getTime());
    return db.updateReminder(tx, user.id, id, {
      time,
      days,
      nextFireAt: next ? new Date(next.at) : null,
      nextFireDate: next?.date ?? null,
    });
  });
  if (!row) throw notFound('Reminder not found');
  return c.json(toReminder(row), 200);
};

export const deleteReminder: RouteHandler<typeof routes.deleteReminder, AuthedEnv> = async (c) => {
  const { id } = c.req.valid('param');
  if (!(await db.deleteReminder(c.var.db.write, c.var.user.id, id))) {
    throw notFound('Reminder not found');
  }
  return c.body(null, 204);
};
