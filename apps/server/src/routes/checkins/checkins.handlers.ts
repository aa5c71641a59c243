import type { CheckinDto } from '@habit-tracker/contract';
import { checkinValueProblems } from '@habit-tracker/core';
import * as db from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthedEnv } from '../../context';
import { toCheckin } from '../../dto/rows';
import { AppError, notFound, validationFailed } from '../../errors';
import { idempotentWrite, type StoredResponse } from '../../http/idempotency';
import type * as routes from './checkins.routes';

export const putCheckin: RouteHandler<typeof routes.putCheckin, AuthedEnv> = async (c) => {
  const { id, date } = c.req.valid('param');
  const input = c.req.valid('json');
  const { user, today } = c.var;
  const result = await writeIdempotently(c, input, async (tx) => {
    const found = await db.getHabitForUpdate(tx, user.id, id);
    if (!found) throw notFound('Habit not found');
    if (date > today) {
      throw new AppError('date_in_future', 'Check-ins cannot be recorded for days after today');
    }
    const problems = checkinValueProblems(found.habit.measure, input);
    if (problems.length > 0) {
      throw validationFailed(problems.map((message) => ({ path: 'value', message })));
    }
    const row = await db.upsertCheckin(tx, user.id, id, date, {
      state: input.state,
      value: input.value ?? null,
      // Absent: keep the stored note (a tap on the grid knows only the state and amount).
      note: input.note,
    });
    if (!row) throw notFound('Habit not found');
    await refreshSummary(c, tx, found, date);
    return { status: 200, body: toCheckin(row) };
  });
  return c.json(result.body as CheckinDto, 200);
};

export const deleteCheckin: RouteHandler<typeof routes.deleteCheckin, AuthedEnv> = async (c) => {
  const { id, date } = c.req.valid('param');
  const { user } = c.var;
  await writeIdempotently(c, undefined, async (tx) => {
    const found = await db.getHabitForUpdate(tx, user.id, id);
    if (!found) throw notFound('Habit not found');
    if (await db.deleteCheckin(tx, user.id, id, date)) await refreshSummary(c, tx, found, date);
    return { status: 204, body: null };
  });
  return c.body(null, 204);
};

/** In the write's transaction, with the habit locked: its stored summary stays true. */
function refreshSummary(
  c: Context<AuthedEnv>,
  tx: db.Db,
  found: { habit: db.HabitRow; summary: db.StoredSummary | null },
  written: string,
): Promise<void> {
  const { user, settings, today } = c.var;
  return db.refreshHabitSummary(tx, {
    userId: user.id,
    habit: found.habit,
    stored: found.summary,
    written,
    today,
    weekStart: settings.weekStart,
  });
}

function writeIdempotently(
  c: Context<AuthedEnv>,
  body: unknown,
  write: (tx: db.Db) => Promise<StoredResponse>,
) {
  const { logger, clock } = c.var.deps;
  return idempotentWrite({
    db: c.var.db,
    logger,
    now: clock(),
    userId: c.var.user.id,
    key: c.req.header('idempotency-key'),
    method: c.req.method,
    path: c.req.path,
    body,
    write,
  }).then((result) => {
    if (result.replayed) c.header('Idempotency-Replayed', 'true');
    return result;
  });
}
