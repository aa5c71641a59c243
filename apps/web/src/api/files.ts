/**
 * The file features of docs/api.md ("Photos", "Export", "Import"). Only the lazy screens import
 * this module, so none of it is in the first load. Types are type-only imports (no zod).
 */
import type {
  ExportCreate,
  ExportDto,
  ImportCreate,
  ImportDto,
  ImportUpload,
  Photo,
  PhotoCreate,
  PhotoUpload,
  StorageUsage,
} from '@habit-tracker/contract';
import { answer, client } from './client';

export type {
  ExportDto,
  ExportFormat,
  ImportDto,
  Photo,
  StorageUsage,
  UploadInstruction,
} from '@habit-tracker/contract';
export type ImportPreview = NonNullable<ImportDto['preview']>;

export const filesApi = {
  photos: (habitId: string, date: string): Promise<{ photos: Photo[] }> =>
    answer(
      client.GET('/api/v1/habits/{id}/checkins/{date}/photos', {
        params: { path: { id: habitId, date } },
      }),
    ),
  createPhoto: (habitId: string, date: string, body: PhotoCreate): Promise<PhotoUpload> =>
    answer(
      client.POST('/api/v1/habits/{id}/checkins/{date}/photos', {
        params: { path: { id: habitId, date } },
        body,
      }),
    ),
  completePhoto: (photoId: string): Promise<Photo> =>
    answer(client.POST('/api/v1/photos/{photoId}/complete', { params: { path: { photoId } } })),
  deletePhoto: (photoId: string): Promise<void> =>
    answer(client.DELETE('/api/v1/photos/{photoId}', { params: { path: { photoId } } })),

  createExport: (body: ExportCreate = {}): Promise<ExportDto> =>
    answer(client.POST('/api/v1/exports', { body })),
  exports: (): Promise<{ exports: ExportDto[] }> => answer(client.GET('/api/v1/exports')),
  export: (exportId: string): Promise<ExportDto> =>
    answer(client.GET('/api/v1/exports/{exportId}', { params: { path: { exportId } } })),

  storage: (): Promise<StorageUsage> => answer(client.GET('/api/v1/storage')),

  createImport: (body: ImportCreate): Promise<ImportUpload> =>
    answer(client.POST('/api/v1/imports', { body })),
  previewImport: (importId: string): Promise<ImportDto> =>
    answer(client.POST('/api/v1/imports/{importId}/preview', { params: { path: { importId } } })),
  confirmImport: (importId: string): Promise<ImportDto> =>
    answer(client.POST('/api/v1/imports/{importId}/confirm', { params: { path: { importId } } })),
};
