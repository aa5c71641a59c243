import { createRouter } from '../openapi';
import * as handlers from './checkins.handlers';
import * as routes from './checkins.routes';

export const checkinsRouter = createRouter()
  .openapi(routes.putCheckin, handlers.putCheckin)
  .openapi(routes.deleteCheckin, handlers.deleteCheckin);
