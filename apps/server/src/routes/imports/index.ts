import { createRouter } from '../openapi';
import * as handlers from './imports.handlers';
import * as routes from './imports.routes';

export const importsRouter = createRouter()
  .openapi(routes.createImport, handlers.createImport)
  .openapi(routes.uploadImport, handlers.uploadImport)
  .openapi(routes.previewImport, handlers.previewImport)
  .openapi(routes.confirmImport, handlers.confirmImport)
  .openapi(routes.getImport, handlers.getImport);
