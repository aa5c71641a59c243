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
import { request } from './client';

export type {
  ExportDto,
  ExportFormat,
  ImportDto,
  Photo,
  StorageUsage,
  UploadInstruction,
} from '@habit-tracker/contract';
export type ImportPreview = NonNullable<ImportDto['preview']>;

const enc = encodeURIComponent;

export const filesApi = {
  photos: (habitId: string, date: string) =>
    request<{ photos: Photo[] }>('GET', `/habits/${enc(habitId)}/checkins/${enc(date)}/photos`),
  createPhoto: (habitId: string, date: string, body: PhotoCreate) =>
    request<PhotoUpload>('POST', `/habits/${enc(habitId)}/checkins/${enc(date)}/photos`, {
      body,
    }),
  completePhoto: (photoId: string) => request<Photo>('POST', `/photos/${enc(photoId)}/complete`),
  deletePhoto: (photoId: string) => request<void>('DELETE', `/photos/${enc(photoId)}`),

  createExport: (body: ExportCreate = {}) => request<ExportDto>('POST', '/exports', { body }),
  exports: () => request<{ exports: ExportDto[] }>('GET', '/exports'),
  export: (exportId: string) => request<ExportDto>('GET', `/exports/${enc(exportId)}`),

  storage: () => request<StorageUsage>('GET', '/storage'),

  createImport: (body: ImportCreate) => request<ImportUpload>('POST', '/imports', { body }),
  previewImport: (importId: string) =>
    request<ImportDto>('POST', `/imports/${enc(importId)}/preview`),
  confirmImport: (importId: string) =>
    request<ImportDto>('POST', `/imports/${enc(importId)}/confirm`),
};
