import { createRouter } from '../openapi';
import * as handlers from './exports.handlers';
import * as routes from './exports.routes';

export const exportsRouter = createRouter()
  .openapi(routes.createExport, handlers.createExport)
  .openapi(routes.listExports, handlers.listExports)
  .openapi(routes.getExport, handlers.getExport)
  .openapi(routes.downloadExport, handlers.downloadExport);
