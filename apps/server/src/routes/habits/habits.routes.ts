import {
  HabitCreateSchema,
  HabitIdParamsSchema,
  HabitListSchema,
  HabitOrderSchema,
  HabitPatchSchema,
  HabitSchema,
  HabitStatusQuerySchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, SESSION_OR_TOKEN, WRITE_ERRORS } from '../openapi';

const tags = ['Habits'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const listHabits = createRoute({
  method: 'get',
  path: '/habits',
  tags,
  security,
  middleware,
  summary: "The user's habits in their order",
  request: { query: HabitStatusQuerySchema },
  responses: { 200: jsonResponse(HabitListSchema, 'Habits'), ...errorResponses(401, 422) },
});

export const createHabit = createRoute({
  method: 'post',
  path: '/habits',
  tags,
  security,
  middleware,
  summary: 'Create a habit (appended last; starts today)',
  request: { body: jsonBody(HabitCreateSchema) },
  responses: {
    201: jsonResponse(HabitSchema, 'The new habit'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const reorderHabits = createRoute({
  method: 'put',
  path: '/habits/order',
  tags,
  security,
  middleware,
  summary: 'Reorder the active habits',
  description: '`ids` must name every active habit exactly once (422 otherwise).',
  request: { body: jsonBody(HabitOrderSchema) },
  responses: {
    200: jsonResponse(HabitListSchema, 'The active habits in their new order'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const getHabit = createRoute({
  method: 'get',
  path: '/habits/{id}',
  tags,
  security,
  middleware,
  summary: 'One habit',
  request: { params: HabitIdParamsSchema },
  responses: { 200: jsonResponse(HabitSchema, 'The habit'), ...errorResponses(401, 404, 422) },
});

export const patchHabit = createRoute({
  method: 'patch',
  path: '/habits/{id}',
  tags,
  security,
  middleware,
  summary: 'Change some of a habit’s fields',
  request: { params: HabitIdParamsSchema, body: jsonBody(HabitPatchSchema) },
  responses: {
    200: jsonResponse(HabitSchema, 'The habit after the change'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});

export const archiveHabit = createRoute({
  method: 'post',
  path: '/habits/{id}/archive',
  tags,
  security,
  middleware,
  summary: 'Archive a habit (hidden from Today, history kept)',
  request: { params: HabitIdParamsSchema },
  responses: {
    200: jsonResponse(HabitSchema, 'The archived habit'),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const unarchiveHabit = createRoute({
  method: 'post',
  path: '/habits/{id}/unarchive',
  tags,
  security,
  middleware,
  summary: 'Restore an archived habit (placed last)',
  request: { params: HabitIdParamsSchema },
  responses: {
    200: jsonResponse(HabitSchema, 'The restored habit'),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const deleteHabit = createRoute({
  method: 'delete',
  path: '/habits/{id}',
  tags,
  security,
  middleware,
  summary: 'Delete a habit and its check-ins',
  request: { params: HabitIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 422) },
});
