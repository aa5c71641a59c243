import { createRouter } from '../openapi';
import * as handlers from './push.handlers';
import * as routes from './push.routes';

export const pushRouter = createRouter()
  .openapi(routes.getPushKey, handlers.getPushKey)
  .openapi(routes.listSubscriptions, handlers.listSubscriptions)
  .openapi(routes.saveSubscription, handlers.saveSubscription)
  .openapi(routes.deleteSubscription, handlers.deleteSubscription)
  .openapi(routes.testSubscription, handlers.testSubscription)
  .openapi(routes.snoozeNotification, handlers.snoozeNotification);
