import type { Readable } from 'node:stream';

/**
 * What `put` accepts: bytes in memory, or anything that yields bytes — a Node `Readable`, a
 * web `ReadableStream` (a request body), an async generator. Streams are never buffered whole.
 */
export type ObjectBody = Uint8Array | AsyncIterable<Uint8Array>;

export interface StoredObjectInfo {
  key: string;
  size: number;
  contentType: string;
  lastModified: Date;
}

/**
 * What `list` yields. No content type: S3 listings do not carry it, and fetching it would cost one
 * request per object. `head` has it.
 */
export type ListedObjectInfo = Omit<StoredObjectInfo, 'contentType'>;

export interface StoredObject {
  body: Readable;
  size: number;
  contentType: string;
}

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /**
   * Every header the signature covers. Browsers refuse to set `content-length` themselves (it is
   * a forbidden header) and send the body's real length instead: a body of another length than
   * signed is then refused, which is the point.
   */
  headers: Record<string, string>;
}

export interface ObjectStore {
  readonly kind: 'local' | 's3';
  /** true for S3: the browser uploads with a presigned PUT; false for local: uploads go through the server. */
  readonly presignedUploads: boolean;
  /** Replaces any object under `key`; readers see the old object or the new one, never a part. */
  put(key: string, body: ObjectBody, options: { contentType: string }): Promise<void>;
  /**
   * null when missing. Read the body to its end or destroy it: until then it holds a file
   * handle (local) or a connection (S3).
   */
  get(key: string): Promise<StoredObject | null>;
  /** The first `length` bytes (fewer when the object is shorter), e.g. to check an upload's magic bytes; null when missing. */
  readStart(key: string, length: number): Promise<Uint8Array | null>;
  head(key: string): Promise<StoredObjectInfo | null>;
  /** A missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Deletes every object whose key starts with `prefix` (never empty); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Objects whose key starts with `prefix`, in key order; `''` lists everything. */
  list(prefix: string): AsyncIterable<ListedObjectInfo>;
  /**
   * S3 only (throws on local). A URL the client PUTs the body to, with the headers it must send;
   * Content-Type and Content-Length are part of the signature.
   */
  presignPut(
    key: string,
    options: { contentType: string; contentLength: number; expiresInSeconds: number },
  ): Promise<PresignedUpload>;
  /** S3 only (throws on local): a short-lived GET, as an attachment named `downloadName` when given. */
  presignGet(
    key: string,
    options: { expiresInSeconds: number; downloadName?: string },
  ): Promise<string>;
  /** For /api/health: can we reach the store (and is the bucket there)? Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type StorageConfig =
  /** `root` is e.g. `<dataDir>/objects`; created when missing. */
  | { kind: 'local'; root: string }
  | {
      kind: 's3';
      /** e.g. Tigris' AWS_ENDPOINT_URL_S3; omit for AWS itself. */
      endpoint?: string;
      bucket: string;
      region: string;
      /** Omit both to use the SDK's default credential chain. */
      accessKeyId?: string;
      secretAccessKey?: string;
      /** Defaults to true when `endpoint` is set (radosgw needs it; Tigris takes either). */
      forcePathStyle?: boolean;
    };
