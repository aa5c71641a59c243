import { createRouter } from '../openapi';
import * as handlers from './health.handlers';
import * as routes from './health.routes';

export const healthRouter = createRouter()
  .openapi(routes.getHealth, handlers.getHealth)
  .openapi(routes.getLive, handlers.getLive);
