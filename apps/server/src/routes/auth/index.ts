import { createRouter } from '../openapi';
import * as handlers from './auth.handlers';
import * as routes from './auth.routes';
import * as passkeyHandlers from './passkeys.handlers';
import * as passkeyRoutes from './passkeys.routes';
import * as resetHandlers from './password-reset.handlers';
import * as resetRoutes from './password-reset.routes';

export const authRouter = createRouter()
  .openapi(routes.signUp, handlers.signUp)
  .openapi(routes.signIn, handlers.signIn)
  .openapi(routes.signOut, handlers.signOut)
  .openapi(routes.signOutEverywhere, handlers.signOutEverywhere)
  .openapi(routes.changePassword, handlers.changePassword)
  .openapi(routes.getMe, handlers.getMe)
  .openapi(routes.deleteMe, handlers.deleteMe)
  .openapi(resetRoutes.requestPasswordReset, resetHandlers.requestPasswordReset)
  .openapi(resetRoutes.confirmPasswordReset, resetHandlers.confirmPasswordReset)
  .openapi(passkeyRoutes.listPasskeys, passkeyHandlers.listPasskeys)
  .openapi(passkeyRoutes.registrationOptions, passkeyHandlers.registrationOptions)
  .openapi(passkeyRoutes.registrationVerify, passkeyHandlers.registrationVerify)
  .openapi(passkeyRoutes.renamePasskey, passkeyHandlers.renamePasskey)
  .openapi(passkeyRoutes.deletePasskey, passkeyHandlers.deletePasskey)
  .openapi(passkeyRoutes.authenticationOptions, passkeyHandlers.authenticationOptions)
  .openapi(passkeyRoutes.authenticationVerify, passkeyHandlers.authenticationVerify);
