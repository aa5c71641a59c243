import { createRouter } from '../openapi';
import * as handlers from './history.handlers';
import * as routes from './history.routes';

export const historyRouter = createRouter().openapi(routes.getHistory, handlers.getHistory);
