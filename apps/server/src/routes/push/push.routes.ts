import {
  ReminderIdParamsSchema as IdParamsSchema,
  NotificationSchema,
  PushKeySchema,
  PushSubscriptionInputSchema,
  PushSubscriptionListSchema,
  PushSubscriptionSchema,
  SnoozeSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['Push'];
const security = [{ session: [] }];
const middleware = requireAuth;

export const getPushKey = createRoute({
  method: 'get',
  path: '/push/key',
  tags,
  security,
  middleware,
  summary: 'The VAPID public key to subscribe with (PushManager.subscribe applicationServerKey)',
  responses: { 200: jsonResponse(PushKeySchema, 'The key'), ...errorResponses(401) },
});

export const listSubscriptions = createRoute({
  method: 'get',
  path: '/push-subscriptions',
  tags,
  security,
  middleware,
  summary: "The user's devices that receive reminders",
  responses: {
    200: jsonResponse(PushSubscriptionListSchema, 'Devices'),
    ...errorResponses(401),
  },
});

export const saveSubscription = createRoute({
  method: 'post',
  path: '/push-subscriptions',
  tags,
  security,
  middleware,
  summary: 'Receive reminders on this device (a PushSubscription’s JSON)',
  description:
    'The endpoint must be a browser push service’s (https; PUSH_SERVICE_ORIGINS). Saving an ' +
    'endpoint again updates it, and moves it to this account if another had it.',
  request: { body: jsonBody(PushSubscriptionInputSchema) },
  responses: {
    201: jsonResponse(PushSubscriptionSchema, 'The device'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const deleteSubscription = createRoute({
  method: 'delete',
  path: '/push-subscriptions/{id}',
  tags,
  security,
  middleware,
  summary: 'Stop sending reminders to a device',
  request: { params: IdParamsSchema },
  responses: { 204: { description: 'Removed' }, ...errorResponses(401, 403, 404, 422) },
});

export const testSubscription = createRoute({
  method: 'post',
  path: '/push-subscriptions/{id}/test',
  tags,
  security,
  middleware,
  summary: 'Send a test notification to a device now',
  request: { params: IdParamsSchema },
  responses: {
    202: jsonResponse(NotificationSchema, 'Recorded; it is sent within seconds'),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const snoozeNotification = createRoute({
  method: 'post',
  path: '/notifications/{id}/snooze',
  tags,
  security,
  middleware,
  summary: 'One more reminder a little later (once per notification)',
  description:
    'The snooze fires `minutes` later (default 10) and names the habits still due and not done ' +
    'then. Snoozing again answers the snooze already made.',
  request: { params: IdParamsSchema, body: jsonBody(SnoozeSchema) },
  responses: {
    202: jsonResponse(NotificationSchema, 'The snooze'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});
