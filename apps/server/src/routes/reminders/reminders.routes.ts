import {
  ReminderCreateSchema,
  ReminderIdParamsSchema,
  ReminderListQuerySchema,
  ReminderListSchema,
  ReminderPatchSchema,
  ReminderSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, SESSION_OR_TOKEN, WRITE_ERRORS } from '../openapi';

const tags = ['Reminders'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const listReminders = createRoute({
  method: 'get',
  path: '/reminders',
  tags,
  security,
  middleware,
  summary: "The user's reminders (optionally one habit's), with when each fires next",
  request: { query: ReminderListQuerySchema },
  responses: { 200: jsonResponse(ReminderListSchema, 'Reminders'), ...errorResponses(401, 422) },
});

export const createReminder = createRoute({
  method: 'post',
  path: '/reminders',
  tags,
  security,
  middleware,
  summary: 'Remind about a habit at a local time',
  description:
    'Fires at `time` on the user’s wall clock, on the habit’s due days (`days: null`) or on the ' +
    'chosen weekdays of the habit day; a time before the day start belongs to the day that is ' +
    'ending. It names the habit only when due and not done that day. Up to 10 per habit.',
  request: { body: jsonBody(ReminderCreateSchema) },
  responses: {
    201: jsonResponse(ReminderSchema, 'The new reminder'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});

export const patchReminder = createRoute({
  method: 'patch',
  path: '/reminders/{id}',
  tags,
  security,
  middleware,
  summary: 'Change a reminder’s time or days',
  request: { params: ReminderIdParamsSchema, body: jsonBody(ReminderPatchSchema) },
  responses: {
    200: jsonResponse(ReminderSchema, 'The reminder after the change'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});

export const deleteReminder = createRoute({
  method: 'delete',
  path: '/reminders/{id}',
  tags,
  security,
  middleware,
  summary: 'Delete a reminder',
  request: { params: ReminderIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 422) },
});
