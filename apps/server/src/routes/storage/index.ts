import { createRouter } from '../openapi';
import * as handlers from './storage.handlers';
import * as routes from './storage.routes';

export const storageRouter = createRouter().openapi(
  routes.getStorageUsage,
  handlers.getStorageUsage,
);
