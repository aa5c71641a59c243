import { createRouter } from '../openapi';
import * as handlers from './invites.handlers';
import * as routes from './invites.routes';

export const invitesRouter = createRouter()
  .openapi(routes.getSignupMode, handlers.getSignupMode)
  .openapi(routes.listInvites, handlers.listInvites)
  .openapi(routes.createInvite, handlers.createInvite)
  .openapi(routes.deleteInvite, handlers.deleteInvite);
