/**
 * File rows → the API's JSON shapes for photos, exports and imports (packages/contract). Where a
 * file's bytes are is the API's own routes, never a storage key.
 */
import type { ExportDto, ImportDto, ImportPreview, Photo } from '@habit-tracker/contract';
import type { ExportRow, ImportRow, PhotoRow } from '@habit-tracker/db';
import type { PhotoType } from '@habit-tracker/vocabulary';

export function toPhoto(row: PhotoRow): Photo {
  return {
    id: row.id,
    habitId: row.habitId,
    date: row.date,
    contentType: row.contentType as PhotoType,
    size: row.size,
    width: row.width,
    height: row.height,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    imageUrl: `/api/v1/photos/${row.id}/image`,
    thumbnailUrl: `/api/v1/photos/${row.id}/thumbnail`,
  };
}

/** A ready export can be downloaded until it expires (`now` decides). */
export function toExport(row: ExportRow, now: Date): ExportDto {
  const downloadable = row.status === 'ready' && row.expiresAt !== null && row.expiresAt > now;
  return {
    id: row.id,
    format: row.format,
    status: row.status,
    progress: row.progress,
    size: row.size,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    error: row.error,
    downloadUrl: downloadable ? `/api/v1/exports/${row.id}/download` : null,
  };
}

/** What a confirmed import created. */
export type ImportCounts = NonNullable<ImportDto['result']>;

type StoredWarning = ImportPreview['warnings'][number] | string;

/**
 * A preview as the imports table keeps it. Those stored before warnings had codes hold plain
 * English sentences: they become `text` warnings, so an import previewed then still shows.
 */
function storedPreview(stored: unknown): ImportPreview | null {
  if (!stored) return null;
  const preview = stored as Omit<ImportPreview, 'warnings'> & { warnings: StoredWarning[] };
  return {
    ...preview,
    warnings: preview.warnings.map((w) =>
      typeof w === 'string' ? { code: 'text', values: {}, message: w } : w,
    ),
  };
}

export function toImport(row: ImportRow): ImportDto {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    preview: storedPreview(row.preview),
    result: (row.result as ImportCounts | null) ?? null,
  };
}
