import { createRouter } from '../openapi';
import * as handlers from './reminders.handlers';
import * as routes from './reminders.routes';

export const remindersRouter = createRouter()
  .openapi(routes.listReminders, handlers.listReminders)
  .openapi(routes.createReminder, handlers.createReminder)
  .openapi(routes.patchReminder, handlers.patchReminder)
  .openapi(routes.deleteReminder, handlers.deleteReminder);
