import { createRouter } from '../openapi';
import * as handlers from './photos.handlers';
import * as routes from './photos.routes';

export const photosRouter = createRouter()
  .openapi(routes.createPhoto, handlers.createPhoto)
  .openapi(routes.uploadPhoto, handlers.uploadPhoto)
  .openapi(routes.completePhoto, handlers.completePhoto)
  .openapi(routes.listPhotos, handlers.listPhotos)
  .openapi(routes.getPhotoImage, handlers.getPhotoImage)
  .openapi(routes.getPhotoThumbnail, handlers.getPhotoThumbnail)
  .openapi(routes.deletePhoto, handlers.deletePhoto);
