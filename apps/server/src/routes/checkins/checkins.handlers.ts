import type { CheckinDto } from '@habit-tracker/contract';
import { checkinShapeProblems, checkinValueIssues } from '@habit-tracker/core';
import * as db from '@habit-tracker/db';
import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthedEnv } from '../../context';
import { toCheckin } from '../../dto/rows';
import { AppError, notFound, validationFailed } from '../../errors';
import { idempotentWrite, type KeyedRequest, type WriteOutcome } from '../../http/idempotency';
import type * as routes from './checkins.routes';

export const putCheckin: RouteHandler<typeof routes.putCheckin, AuthedEnv> = async (c) => {
  const { id, date } = c.req.valid('param');
  const input = c.req.valid('json');
  const { user, today } = c.var;
  // Written in the statement that locks the habit, then checked against its measure (a refusal
  // rolls it back) — unless it is refused whatever the measure: then only locked and refused.
  const writable = date <= today && checkinShapeProblems(input).length === 0;
  const result = await writeIdempotently(c, input, async (tx, keyed) => {
    const put = await db.lockHabitAndPutCheckin(tx, {
      userId: user.id,
      habitId: id,
      date,
      key: keyed?.key,
      checkin: writable
        ? {
            state: input.state,
            value: input.value ?? null,
            // Absent: keep the stored note (a tap on the grid knows only the state and amount).
            note: input.note,
          }
        : undefined,
    });
    if (put.record) return { stored: put.record };
    if (!put.found) throw notFound('Habit not found');
    if (date > today) {
      throw new AppError('date_in_future', 'Check-ins cannot be recorded for days after today');
    }
    const problems = checkinValueIssues(put.found.habit.measure, input);
    if (problems.length > 0) {
      throw validationFailed(
        problems.map(({ code, message }) => ({ path: 'value', message, code })),
      );
    }
    // Unreachable: a check-in refused by its shape alone was refused just above.
    if (!put.row) throw new Error('check-in was not written');
    await refreshSummary(c, tx, put.found, date);
    return { response: { status: 200, body: toCheckin(put.row) } };
  });
  return c.json(result.body as CheckinDto, 200);
};

export const deleteCheckin: RouteHandler<typeof routes.deleteCheckin, AuthedEnv> = async (c) => {
  const { id, date } = c.req.valid('param');
  const { keep } = c.req.valid('query');
  const { user } = c.var;
  const response = { status: 204, body: null } as const;
  // The query is part of the request the key stands for (a key reused without it is another
  // request); without it the hash is as before, so keys stored by older builds still replay.
  await writeIdempotently(c, keep ? { keep } : undefined, async (tx, keyed) => {
    const del = await db.lockHabitAndDeleteCheckin(tx, {
      userId: user.id,
      habitId: id,
      date,
      keepNotes: keep === 'notes',
      save: keyed && {
        key: keyed.key,
        requestHash: keyed.requestHash,
        statusCode: response.status,
        responseBody: response.body,
      },
    });
    if (del.record) return { stored: del.record };
    if (!del.found) throw notFound('Habit not found');
    // A note-only day counts as no check-in: the mark changed either way.
    if (del.deleted || del.kept) await refreshSummary(c, tx, del.found, date);
    return { response, saved: del.saved };
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
  write: (tx: db.Db, keyed: KeyedRequest | undefined) => Promise<WriteOutcome>,
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
