import { createRouter } from '../openapi';
import * as handlers from './today.handlers';
import * as routes from './today.routes';

export const todayRouter = createRouter().openapi(routes.getToday, handlers.getToday);
