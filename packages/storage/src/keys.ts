import { InvalidObjectKeyError } from './key-rules';

/**
 * The key layout: the only place that builds or reads object keys. Everything of a user lives
 * under `users/<userId>/`, so deleting an account is one `deletePrefix`. Ids must be lowercase
 * UUIDs (what PostgreSQL and `crypto.randomUUID()` produce), which keeps every key free of
 * path tricks and gives each object exactly one spelling.
 */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const LAYOUTS = {
  photo: { folder: 'photos', extension: '' },
  thumbnail: { folder: 'thumbnails', extension: '.webp' },
  export: { folder: 'exports', extension: '.zip' },
  importUpload: { folder: 'imports', extension: '' },
} as const;

export type ObjectKind = keyof typeof LAYOUTS;

export interface ParsedObjectKey {
  kind: ObjectKind;
  userId: string;
  /** The photo, export or import id. */
  id: string;
}

function keyOf(kind: ObjectKind, userId: string, id: string): string {
  const { folder, extension } = LAYOUTS[kind];
  return `${userPrefix(userId)}${folder}/${checkedUuid(id, `${kind} id`)}${extension}`;
}

function userPrefix(userId: string): string {
  return `users/${checkedUuid(userId, 'user id')}/`;
}

function checkedUuid(value: string, what: string): string {
  if (typeof value !== 'string' || !UUID_PATTERN.test(value)) {
    throw new InvalidObjectKeyError(`${what} is not a lowercase UUID: ${JSON.stringify(value)}`);
  }
  return value;
}

export const objectKeys = {
  photo: (userId: string, photoId: string) => keyOf('photo', userId, photoId),
  thumbnail: (userId: string, photoId: string) => keyOf('thumbnail', userId, photoId),
  export: (userId: string, exportId: string) => keyOf('export', userId, exportId),
  importUpload: (userId: string, importId: string) => keyOf('importUpload', userId, importId),
  /** The prefix of everything the user owns (for account deletion). */
  user: userPrefix,
};

/** The kind and owner of a key built by `objectKeys`; null for any other string. */
export function parseObjectKey(key: string): ParsedObjectKey | null {
  const parts = key.split('/');
  if (parts.length !== 4 || parts[0] !== 'users') return null;
  const [, userId = '', folder, name = ''] = parts;
  if (!UUID_PATTERN.test(userId)) return null;
  for (const [kind, layout] of Object.entries(LAYOUTS) as [
    ObjectKind,
    (typeof LAYOUTS)[ObjectKind],
  ][]) {
    if (folder !== layout.folder || !name.endsWith(layout.extension)) continue;
    const id = name.slice(0, name.length - layout.extension.length);
    return UUID_PATTERN.test(id) ? { kind, userId, id } : null;
  }
  return null;
}
