/**
 * The shapes of the file features: photos on check-ins, exports and imports (docs/api.md,
 * "Photos", "Export", "Import"). Bytes never pass through these: they go to object storage with
 * an upload instruction, and come back from the image and download routes.
 */
import { PHOTO_TYPES } from '@habit-tracker/vocabulary';
import { z } from '@hono/zod-openapi';
import { ScheduleSchema } from './schemas';

export const UploadInstructionSchema = z
  .object({
    method: z.literal('PUT'),
    /** A presigned S3 URL, or this API's own upload path in local mode. */
    url: z.string(),
    /** Send exactly these headers with the bytes (the signature binds them). */
    headers: z.record(z.string(), z.string()),
  })
  .openapi('UploadInstruction');

export const PhotoCreateSchema = z
  .object({
    contentType: z.enum(PHOTO_TYPES),
    size: z.number().int().min(1),
  })
  .strict()
  .openapi('PhotoCreate');

export const PhotoSchema = z
  .object({
    id: z.uuid(),
    habitId: z.uuid(),
    date: z.string(),
    contentType: z.enum(PHOTO_TYPES),
    size: z.number().int(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    status: z.enum(['pending', 'ready']),
    createdAt: z.string(),
    imageUrl: z.string(),
    thumbnailUrl: z.string(),
  })
  .openapi('Photo');

export const PhotoUploadSchema = z
  .object({ photo: PhotoSchema, upload: UploadInstructionSchema })
  .openapi('PhotoUpload');

export const PhotoListSchema = z.object({ photos: z.array(PhotoSchema) }).openapi('PhotoList');

export const PhotoParamsSchema = z.object({
  photoId: z.uuid().openapi({ param: { name: 'photoId', in: 'path' } }),
});

/**
 * What an export holds: this app's zip (everything, photos included), or a Loop Habit Tracker
 * backup (.db) that Loop's "Import data" reads — habits and check-ins only.
 */
export const EXPORT_FORMATS = ['habit-tracker', 'loop'] as const;

export const ExportCreateSchema = z
  .object({ format: z.enum(EXPORT_FORMATS).default('habit-tracker') })
  .strict()
  .openapi('ExportCreate');

export const ExportSchema = z
  .object({
    id: z.uuid(),
    format: z.enum(EXPORT_FORMATS),
    status: z.enum(['running', 'ready', 'failed']),
    progress: z.number().min(0).max(1),
    size: z.number().int().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    error: z.string().nullable(),
    downloadUrl: z.string().nullable(),
  })
  .openapi('Export');

export const ExportListSchema = z.object({ exports: z.array(ExportSchema) }).openapi('ExportList');

export const ExportParamsSchema = z.object({
  exportId: z.uuid().openapi({ param: { name: 'exportId', in: 'path' } }),
});

/** No folder separators and no control characters (C0 or DEL). */
function isPlainFileName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || name[i] === '/' || name[i] === '\\') return false;
  }
  return true;
}

export const ImportCreateSchema = z
  .object({
    // Shown back to the user and used to tell the file's kind; never part of a storage path.
    fileName: z
      .string()
      .min(1)
      .max(255)
      .refine(isPlainFileName, 'A file name without folders or control characters'),
    size: z.number().int().min(1),
  })
  .strict()
  .openapi('ImportCreate');

/** Where an import came from (portability's ImportSource). */
export const IMPORT_SOURCES = [
  'loop-csv',
  'loop-sqlite',
  'habit-tracker',
  'beaver-habits',
  'table-habit',
  'habitica',
  'habitbull',
] as const;

const ImportCountsSchema = z.object({
  habits: z.number().int(),
  checkins: z.number().int(),
  photos: z.number().int(),
});

/**
 * Something an import approximated or left out. `code` is stable (portability's
 * IMPORT_WARNING_CODES; `text` for a preview stored before warnings had codes), `values` fill
 * the sentence a client says in its own language, `message` is that sentence in English.
 */
export const ImportWarningSchema = z
  .object({
    code: z.string(),
    values: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string(),
  })
  .openapi('ImportWarning');

export const ImportPreviewSchema = z
  .object({
    source: z.enum(IMPORT_SOURCES),
    habits: z.array(
      z.object({
        name: z.string(),
        kind: z.enum(['boolean', 'numeric']),
        /** In English; `scheduleRule` is the schedule itself, for other languages. */
        schedule: z.string(),
        // Absent from previews stored before it existed.
        scheduleRule: ScheduleSchema.optional(),
        checkins: z.number().int(),
        firstDate: z.string().nullable(),
        lastDate: z.string().nullable(),
      }),
    ),
    totals: ImportCountsSchema,
    warnings: z.array(ImportWarningSchema),
  })
  .openapi('ImportPreview');

export const ImportSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(['uploading', 'reading', 'previewed', 'done', 'failed']),
    createdAt: z.string(),
    preview: ImportPreviewSchema.nullable(),
    result: ImportCountsSchema.nullable(),
  })
  .openapi('Import');

export const ImportUploadSchema = z
  .object({ import: ImportSchema, upload: UploadInstructionSchema })
  .openapi('ImportUpload');

export const ImportParamsSchema = z.object({
  importId: z.uuid().openapi({ param: { name: 'importId', in: 'path' } }),
});

/** `details` of a 422 import_invalid: where the file is wrong. */
export const ImportProblemSchema = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  message: z.string(),
});

export const StorageUsageSchema = z
  .object({
    /** The user's storage quota, in bytes (USER_STORAGE_QUOTA_BYTES). */
    quota: z.number().int(),
    used: z.object({
      photos: z.number().int(),
      imports: z.number().int(),
      exports: z.number().int(),
      total: z.number().int(),
    }),
  })
  .openapi('StorageUsage');

export type UploadInstruction = z.infer<typeof UploadInstructionSchema>;
export type StorageUsage = z.infer<typeof StorageUsageSchema>;
export type PhotoCreate = z.infer<typeof PhotoCreateSchema>;
export type Photo = z.infer<typeof PhotoSchema>;
export type PhotoUpload = z.infer<typeof PhotoUploadSchema>;
export type ExportDto = z.infer<typeof ExportSchema>;
export type ExportCreate = z.input<typeof ExportCreateSchema>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ImportCreate = z.infer<typeof ImportCreateSchema>;
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type ImportDto = z.infer<typeof ImportSchema>;
export type ImportUpload = z.infer<typeof ImportUploadSchema>;
export type ImportProblem = z.infer<typeof ImportProblemSchema>;
