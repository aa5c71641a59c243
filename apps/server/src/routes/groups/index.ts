import { createRouter } from '../openapi';
import * as handlers from './groups.handlers';
import * as routes from './groups.routes';

export const groupsRouter = createRouter()
  .openapi(routes.listGroups, handlers.listGroups)
  .openapi(routes.createGroup, handlers.createGroup)
  .openapi(routes.renameGroup, handlers.renameGroup)
  .openapi(routes.deleteGroup, handlers.deleteGroup)
  .openapi(routes.putLayout, handlers.putLayout);
