import { SettingsPatchSchema, SettingsSchema } from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuth } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, WRITE_ERRORS } from '../openapi';

const tags = ['Settings'];
const security = [{ session: [] }];

export const getSettings = createRoute({
  method: 'get',
  path: '/settings',
  tags,
  security,
  middleware: requireAuth,
  summary: "The user's calendar settings",
  responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...errorResponses(401) },
});

export const patchSettings = createRoute({
  method: 'patch',
  path: '/settings',
  tags,
  security,
  middleware: requireAuth,
  summary: 'Change some of the calendar settings',
  request: { body: jsonBody(SettingsPatchSchema) },
  responses: {
    200: jsonResponse(SettingsSchema, 'The settings after the change'),
    ...errorResponses(...WRITE_ERRORS, 401),
  },
});
