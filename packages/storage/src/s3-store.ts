import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { attachmentDisposition } from './content-disposition';
import { assertValidContentType, DEFAULT_CONTENT_TYPE } from './content-type';
import { assertValidObjectKey, assertValidPrefix } from './key-rules';
import { assertByteCount, assertExpiry } from './numbers';
import type {
  ListedObjectInfo,
  ObjectBody,
  ObjectStore,
  PresignedUpload,
  StoredObject,
  StoredObjectInfo,
} from './object-store';
import { createS3Client, httpStatusOf, isMissingObject, type S3Config } from './s3-client';
import { uploadStream } from './s3-upload';

/** S3's largest single PUT; bigger objects need multipart, which a presigned PUT is not. */
const MAX_PRESIGNED_PUT_BYTES = 5 * 1024 ** 3;

/**
 * Opens the bucket, checking first that it is there and that the credentials work, so that a
 * wrong bucket name or key stops the server at start with a message saying which.
 */
export async function openS3Store(config: S3Config): Promise<ObjectStore> {
  const client = createS3Client(config);
  try {
    await client.send(new HeadBucketCommand({ Bucket: config.bucket }));
  } catch (error) {
    client.destroy();
    throw new Error(bucketProblem(config, error), { cause: error });
  }
  return new S3ObjectStore(client, config.bucket);
}

function bucketProblem(config: S3Config, error: unknown): string {
  const where = `S3 bucket "${config.bucket}" at ${config.endpoint ?? `AWS (${config.region})`}`;
  const status = httpStatusOf(error);
  if (status === 404) return `${where} does not exist`;
  if (status === 403 || status === 401) {
    return `${where}: access denied (check the access key id and secret access key)`;
  }
  return `${where} is unreachable: ${(error as Error).message || (error as Error).name}`;
}

class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;
  readonly presignedUploads = true;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, body: ObjectBody, options: { contentType: string }): Promise<void> {
    assertValidObjectKey(key);
    assertValidContentType(options.contentType);
    if (body instanceof Uint8Array) {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: options.contentType,
        }),
      );
      return;
    }
    await uploadStream(
      this.client,
      { bucket: this.bucket, key, contentType: options.contentType },
      body,
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    assertValidObjectKey(key);
    const response = await this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      .catch(nullWhenMissing);
    if (!response) return null;
    const body = response.Body;
    if (!(body instanceof Readable)) throw new Error('S3 GetObject gave no Node stream');
    return {
      body,
      size: response.ContentLength ?? 0,
      contentType: response.ContentType ?? DEFAULT_CONTENT_TYPE,
    };
  }

  async readStart(key: string, length: number): Promise<Uint8Array | null> {
    assertValidObjectKey(key);
    assertByteCount(length, 'length');
    if (length === 0) return (await this.head(key)) ? new Uint8Array(0) : null;
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }),
      );
      const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array(0);
      // Some services ignore a Range they cannot satisfy in full and send everything.
      return bytes.subarray(0, length);
    } catch (error) {
      if (isMissingObject(error)) return null;
      // 416: the range starts at or past the end, which for bytes=0-… means an empty object.
      if (httpStatusOf(error) === 416) return new Uint8Array(0);
      throw error;
    }
  }

  async head(key: string): Promise<StoredObjectInfo | null> {
    assertValidObjectKey(key);
    const response = await this.client
      .send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }))
      .catch(nullWhenMissing);
    if (!response) return null;
    return {
      key,
      size: response.ContentLength ?? 0,
      contentType: response.ContentType ?? DEFAULT_CONTENT_TYPE,
      lastModified: response.LastModified ?? new Date(0),
    };
  }

  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    if (prefix === '')
      throw new Error('deletePrefix: refusing to delete every object (empty prefix)');
    let deleted = 0;
    // A listing page holds at most 1,000 keys, which is also DeleteObjects' limit. Deleting
    // behind the listing is fine: the continuation token marks a key, not a position.
    for await (const keys of this.keyPages(prefix)) {
      const response = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = response.Errors ?? [];
      if (failed.length > 0) {
        const first = failed[0];
        throw new Error(
          `deletePrefix(${JSON.stringify(prefix)}): ${failed.length} of ${keys.length} deletes failed, e.g. ${first?.Key}: ${first?.Code} ${first?.Message ?? ''}`.trim(),
        );
      }
      deleted += keys.length;
    }
    return deleted;
  }

  async *list(prefix: string): AsyncIterable<ListedObjectInfo> {
    assertValidPrefix(prefix);
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken }),
      );
      for (const item of page.Contents ?? []) {
        if (item.Key === undefined) continue;
        yield {
          key: item.Key,
          size: item.Size ?? 0,
          lastModified: item.LastModified ?? new Date(0),
        };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  async presignPut(
    key: string,
    options: { contentType: string; contentLength: number; expiresInSeconds: number },
  ): Promise<PresignedUpload> {
    assertValidObjectKey(key);
    assertValidContentType(options.contentType);
    assertByteCount(options.contentLength, 'contentLength');
    if (options.contentLength > MAX_PRESIGNED_PUT_BYTES) {
      throw new RangeError(
        `contentLength above ${MAX_PRESIGNED_PUT_BYTES} bytes needs a multipart upload`,
      );
    }
    assertExpiry(options.expiresInSeconds);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ContentType: options.contentType,
      ContentLength: options.contentLength,
    });
    const url = await getSignedUrl(this.client, command, {
      expiresIn: options.expiresInSeconds,
      // By default only `host` is signed (and, in this SDK version, content-length when the
      // command has one): the client could then store any type. Both named, so neither depends
      // on an SDK default.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      url,
      method: 'PUT',
      headers: {
        'content-type': options.contentType,
        'content-length': String(options.contentLength),
      },
    };
  }

  async presignGet(
    key: string,
    options: { expiresInSeconds: number; downloadName?: string },
  ): Promise<string> {
    assertValidObjectKey(key);
    assertExpiry(options.expiresInSeconds);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition:
        options.downloadName === undefined
          ? undefined
          : attachmentDisposition(options.downloadName),
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
  }

  async ping(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async *keyPages(prefix: string): AsyncGenerator<string[]> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken }),
      );
      const keys = (page.Contents ?? []).flatMap((item) =>
        item.Key === undefined ? [] : [item.Key],
      );
      if (keys.length > 0) yield keys;
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }
}

function nullWhenMissing(error: unknown): null {
  if (isMissingObject(error)) return null;
  throw error;
}
