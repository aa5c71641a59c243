import {
  ReminderIdParamsSchema as IdParamsSchema,
  VacationInputSchema,
  VacationListSchema,
  VacationSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, SESSION_OR_TOKEN, WRITE_ERRORS } from '../openapi';

const tags = ['Vacations'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const listVacations = createRoute({
  method: 'get',
  path: '/vacations',
  tags,
  security,
  middleware,
  summary: "The user's vacations, latest first",
  responses: { 200: jsonResponse(VacationListSchema, 'Vacations'), ...errorResponses(401) },
});

const description =
  'From `from` to `to` (inclusive) the habits (all, or `habitIds`) get no reminders, and each ' +
  'day counts as a skip: once a day has begun, a skip check-in ("On vacation") is stored for ' +
  'every covered habit without a check-in that day. Up to 366 days.';

export const createVacation = createRoute({
  method: 'post',
  path: '/vacations',
  tags,
  security,
  middleware,
  summary: 'Go on vacation',
  description,
  request: { body: jsonBody(VacationInputSchema) },
  responses: {
    201: jsonResponse(VacationSchema, 'The vacation'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});

export const putVacation = createRoute({
  method: 'put',
  path: '/vacations/{id}',
  tags,
  security,
  middleware,
  summary: 'Change a vacation (the skips it wrote outside its new range go)',
  description,
  request: { params: IdParamsSchema, body: jsonBody(VacationInputSchema) },
  responses: {
    200: jsonResponse(VacationSchema, 'The vacation after the change'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});

export const deleteVacation = createRoute({
  method: 'delete',
  path: '/vacations/{id}',
  tags,
  security,
  middleware,
  summary: 'Delete a vacation and the skips it wrote (check-ins you changed stay)',
  request: { params: IdParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 422) },
});
