import {
  ExportCreateSchema,
  ExportListSchema,
  ExportParamsSchema,
  ExportSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonResponse, SESSION_OR_TOKEN } from '../openapi';

const tags = ['Export'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const createExport = createRoute({
  method: 'post',
  path: '/exports',
  tags,
  security,
  middleware,
  summary: 'Export everything: starts building the file in the background',
  description:
    "Format `habit-tracker` (the default; no body needed): a zip of everything, photos included. Format `loop`: a Loop Habit Tracker backup (.db) of the habits and check-ins, for Loop's Settings → Import data. One export runs at a time: while one runs, this returns it (200) instead.",
  request: {
    body: {
      required: false,
      content: { 'application/json': { schema: ExportCreateSchema } },
    },
  },
  responses: {
    200: jsonResponse(ExportSchema, 'The export already running'),
    202: jsonResponse(ExportSchema, 'Started; poll it for progress'),
    ...errorResponses(401, 403),
  },
});

export const listExports = createRoute({
  method: 'get',
  path: '/exports',
  tags,
  security,
  middleware,
  summary: 'Recent exports, newest first',
  responses: { 200: jsonResponse(ExportListSchema, 'The last five'), ...errorResponses(401) },
});

export const getExport = createRoute({
  method: 'get',
  path: '/exports/{exportId}',
  tags,
  security,
  middleware,
  summary: 'One export: status and progress',
  request: { params: ExportParamsSchema },
  responses: { 200: jsonResponse(ExportSchema, 'The export'), ...errorResponses(401, 404, 422) },
});

export const downloadExport = createRoute({
  method: 'get',
  path: '/exports/{exportId}/download',
  tags,
  security,
  middleware,
  summary: 'The file: streamed (local storage) or a redirect to a presigned URL (S3)',
  request: { params: ExportParamsSchema },
  responses: {
    200: {
      description: 'The zip, or the Loop backup',
      content: {
        'application/zip': { schema: { type: 'string' as const, format: 'binary' } },
        'application/vnd.sqlite3': { schema: { type: 'string' as const, format: 'binary' } },
      },
    },
    302: { description: 'Redirect to a presigned URL valid for 5 minutes' },
    ...errorResponses(401, 404, 422),
  },
});
