import {
  CheckinParamsSchema,
  PhotoCreateSchema,
  PhotoListSchema,
  PhotoParamsSchema,
  PhotoSchema,
  PhotoUploadSchema,
} from '@habit-tracker/contract';
import { createRoute } from '@hono/zod-openapi';
import { requireAuthOrToken } from '../../middleware/auth';
import { errorResponses, jsonBody, jsonResponse, SESSION_OR_TOKEN, WRITE_ERRORS } from '../openapi';

const tags = ['Photos'];
const security = SESSION_OR_TOKEN;
const middleware = requireAuthOrToken;

export const createPhoto = createRoute({
  method: 'post',
  path: '/habits/{id}/checkins/{date}/photos',
  tags,
  security,
  middleware,
  summary: 'Start attaching a photo to a check-in: returns where to upload its bytes',
  description:
    'Needs a check-in on that date (404 otherwise) with fewer than 10 photos. With S3 storage the ' +
    '`upload` is a presigned PUT bound to the content type and size; in local mode it is ' +
    '`PUT /api/v1/photos/{photoId}/upload`. Then call `complete`.',
  request: { params: CheckinParamsSchema, body: jsonBody(PhotoCreateSchema) },
  responses: {
    201: jsonResponse(PhotoUploadSchema, 'The pending photo and its upload instruction'),
    ...errorResponses(...WRITE_ERRORS, 401, 404),
  },
});

export const uploadPhoto = createRoute({
  method: 'put',
  path: '/photos/{photoId}/upload',
  tags,
  security,
  middleware,
  summary: 'Upload a pending photo’s bytes (local storage only)',
  description:
    'The body is the image itself, with the declared Content-Type and exactly the declared size. ' +
    'With S3 storage the bytes go to the presigned URL instead, and this answers 404.',
  request: { params: PhotoParamsSchema },
  responses: {
    204: { description: 'Stored' },
    ...errorResponses(401, 403, 404, 413, 415, 422),
  },
});

export const completePhoto = createRoute({
  method: 'post',
  path: '/photos/{photoId}/complete',
  tags,
  security,
  middleware,
  summary: 'Check an uploaded photo and make it visible',
  description:
    'The stored object must have the declared size and be a decodable image of the declared ' +
    'type; otherwise 422 `upload_invalid` and the pending photo is deleted. Makes the thumbnail.',
  request: { params: PhotoParamsSchema },
  responses: {
    200: jsonResponse(PhotoSchema, 'The photo, ready'),
    ...errorResponses(401, 403, 404, 422),
  },
});

export const listPhotos = createRoute({
  method: 'get',
  path: '/habits/{id}/checkins/{date}/photos',
  tags,
  security,
  middleware,
  summary: 'The photos of one check-in, oldest first',
  request: { params: CheckinParamsSchema },
  responses: {
    200: jsonResponse(PhotoListSchema, 'Ready photos'),
    ...errorResponses(401, 404, 422),
  },
});

/** A GET of one of a photo's stored images (both are served by sendPhoto). */
const imageRoute = <P extends string>(path: P, summary: string) =>
  createRoute({
    method: 'get',
    path,
    tags,
    security,
    middleware,
    summary,
    request: { params: PhotoParamsSchema },
    responses: {
      200: {
        description: 'The image (local storage)',
        content: { 'image/*': { schema: { type: 'string' as const, format: 'binary' } } },
      },
      302: { description: 'Redirect to a presigned URL valid for 5 minutes (S3 storage)' },
      ...errorResponses(401, 404, 422),
    },
  });

export const getPhotoImage = imageRoute('/photos/{photoId}/image', 'The photo itself');

export const getPhotoThumbnail = imageRoute(
  '/photos/{photoId}/thumbnail',
  'The photo’s thumbnail (WebP, at most 320 px a side)',
);

export const deletePhoto = createRoute({
  method: 'delete',
  path: '/photos/{photoId}',
  tags,
  security,
  middleware,
  summary: 'Delete a photo (its stored objects go with it)',
  request: { params: PhotoParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 422) },
});
