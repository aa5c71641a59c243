import { createRouter } from '../openapi';
import * as handlers from './oidc.handlers';
import * as routes from './oidc.routes';

export const oidcRouter = createRouter()
  .openapi(routes.listProviders, handlers.listProviders)
  .openapi(routes.listIdentities, handlers.listIdentities)
  .openapi(routes.unlinkIdentity, handlers.unlinkIdentity)
  .openapi(routes.startOidc, handlers.startOidc)
  .openapi(routes.oidcCallback, handlers.oidcCallback);
