import { createRouter } from '../openapi';
import * as handlers from './tokens.handlers';
import * as routes from './tokens.routes';

export const tokensRouter = createRouter()
  .openapi(routes.listTokens, handlers.listTokens)
  .openapi(routes.createToken, handlers.createToken)
  .openapi(routes.deleteToken, handlers.deleteToken);
