import { createRouter } from '../openapi';
import * as handlers from './habits.handlers';
import * as routes from './habits.routes';

// /habits/order is registered before /habits/{id} so "order" is never read as an id.
export const habitsRouter = createRouter()
  .openapi(routes.listHabits, handlers.listHabits)
  .openapi(routes.createHabit, handlers.createHabit)
  .openapi(routes.reorderHabits, handlers.reorderHabits)
  .openapi(routes.getHabit, handlers.getHabit)
  .openapi(routes.patchHabit, handlers.patchHabit)
  .openapi(routes.archiveHabit, handlers.archiveHabit)
  .openapi(routes.unarchiveHabit, handlers.unarchiveHabit)
  .openapi(routes.deleteHabit, handlers.deleteHabit);
