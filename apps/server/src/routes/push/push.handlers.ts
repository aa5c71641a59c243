import type { NotificationDto } from '@habit-tracker/contract';
import * as db from '@habit-tracker/db';
import { REMINDER_LIMITS } from '@habit-tracker/vocabulary';
import type { RouteHandler } from '@hono/zod-openapi';
import type { AuthedEnv } from '../../context';
import { checkFailed, notFound } from '../../errors';
import { isAllowedPushEndpoint } from '../../jobs/reminders/push-origins';
import type * as routes from './push.routes';

const toSubscription = (row: db.PushSubscriptionRow) => ({
  id: row.id,
  endpoint: row.endpoint,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
});

const toNotification = (row: db.NotificationRow): NotificationDto => ({
  id: row.id,
  kind: row.kind,
  fireAt: row.fireAt.toISOString(),
  date: row.date,
  status: row.status,
});

export const getPushKey: RouteHandler<typeof routes.getPushKey, AuthedEnv> = async (c) => {
  const { publicKey } = await c.var.deps.reminders.vapid.get();
  return c.json({ publicKey }, 200);
};

export const listSubscriptions: RouteHandler<typeof routes.listSubscriptions, AuthedEnv> = async (
  c,
) => {
  const rows = await db.listPushSubscriptions(c.var.db.read, c.var.user.id);
  return c.json({ subscriptions: rows.map(toSubscription) }, 200);
};

export const saveSubscription: RouteHandler<typeof routes.saveSubscription, AuthedEnv> = async (
  c,
) => {
  const input = c.req.valid('json');
  const { env } = c.var.deps;
  if (!isAllowedPushEndpoint(input.endpoint, env.PUSH_SERVICE_ORIGINS)) {
    throw checkFailed(
      'endpoint',
      'push_endpoint_unknown',
      'This is not the address of a known browser push service',
    );
  }
  const row = await c.var.db.transaction(async (tx) => {
    const existing = await db.listPushSubscriptions(tx, c.var.user.id);
    if (
      existing.length >= REMINDER_LIMITS.devices &&
      !existing.some((s) => s.endpoint === input.endpoint)
    ) {
      throw checkFailed(
        'endpoint',
        'limit_reached',
        `At most ${REMINDER_LIMITS.devices} devices; remove one first`,
        { maximum: REMINDER_LIMITS.devices },
      );
    }
    return db.savePushSubscription(tx, c.var.user.id, {
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      label: input.label ?? '',
      locale: input.locale,
    });
  });
  return c.json(toSubscription(row), 201);
};

export const deleteSubscription: RouteHandler<typeof routes.deleteSubscription, AuthedEnv> = async (
  c,
) => {
  const { id } = c.req.valid('param');
  if (!(await db.deletePushSubscription(c.var.db.write, c.var.user.id, id))) {
    throw notFound('Device not found');
  }
  return c.body(null, 204);
};

export const testSubscription: RouteHandler<typeof routes.testSubscription, AuthedEnv> = async (
  c,
) => {
  const { id } = c.req.valid('param');
  const { clock, reminders } = c.var.deps;
  const row = await db.createTestNotification(c.var.db.write, c.var.user.id, id, clock());
  if (!row) throw notFound('Device not found');
  reminders.wake();
  return c.json(toNotification(row), 202);
};

export const snoozeNotification: RouteHandler<typeof routes.snoozeNotification, AuthedEnv> = async (
  c,
) => {
  const { id } = c.req.valid('param');
  const { minutes } = c.req.valid('json');
  const { clock } = c.var.deps;
  const fireAt = new Date(clock().getTime() + minutes * 60_000);
  const result = await c.var.db.transaction((tx) =>
    db.snoozeNotification(tx, c.var.user.id, id, fireAt),
  );
  if (!result) throw notFound('Notification not found');
  return c.json(toNotification(result.snooze), 202);
};
