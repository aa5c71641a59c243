import { createRouter } from '../openapi';
import * as handlers from './settings.handlers';
import * as routes from './settings.routes';

export const settingsRouter = createRouter()
  .openapi(routes.getSettings, handlers.getSettings)
  .openapi(routes.patchSettings, handlers.patchSettings);
