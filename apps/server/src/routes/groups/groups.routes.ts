import {
  GroupListSchema,
  GroupSchema,
  GroupWriteSchema,
  HabitIdParamsSchema,
  LayoutResultSchema,
  LayoutSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, SESSION_OR_TOKEN, WRITE_ERRORS } from '../openapi';

const tags = ['Groups'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const listGroups = createRoute({
  method: 'get',
  path: '/groups',
  tags,
  security,
  middleware,
  summary: "The user's habit groups in their order",
  responses: { 200: jsonResponse(GroupListSchema, 'Groups'), ...errorResponses(401) },
});

export const createGroup = createRoute({
  method: 'post',
  path: '/groups',
  tags,
  security,
  middleware,
  summary: 'Create a group (appended last)',
  request: { body: jsonBody(GroupWriteSchema) },
  responses: {
    201: jsonResponse(GroupSchema, 'The new group'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const renameGroup = createRoute({
  method: 'patch',
  path: '/groups/{id}',
  tags,
  security,
  middleware,
  summary: 'Rename a group',
  request: { params: HabitIdParamsSchema, body: jsonBody(GroupWriteSchema) },
  responses: {
    200: jsonResponse(GroupSchema, 'The group after the change'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});

export const deleteGroup = createRoute({
  method: 'delete',
  path: '/groups/{id}',
  tags,
  security,
  middleware,
  summary: 'Delete a group (its habits stay, ungrouped)',
  request: { params: HabitIdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 422) },
});

export const putLayout = createRoute({
  method: 'put',
  path: '/layout',
  tags,
  security,
  middleware,
  summary: 'Order the groups and the active habits, and say which group holds each habit',
  description:
    'Names every group and every active habit exactly once (422 otherwise); ungrouped habits come first on Today.',
  request: { body: jsonBody(LayoutSchema) },
  responses: {
    200: jsonResponse(LayoutResultSchema, 'The groups and active habits in their new order'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});
