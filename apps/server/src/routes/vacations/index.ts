import { createRouter } from '../openapi';
import * as handlers from './vacations.handlers';
import * as routes from './vacations.routes';

export const vacationsRouter = createRouter()
  .openapi(routes.listVacations, handlers.listVacations)
  .openapi(routes.createVacation, handlers.createVacation)
  .openapi(routes.putVacation, handlers.putVacation)
  .openapi(routes.deleteVacation, handlers.deleteVacation);
