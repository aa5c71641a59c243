import { S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from './object-store';

export type S3Config = Extract<StorageConfig, { kind: 's3' }>;

export function createS3Client(config: S3Config): S3Client {
  const { accessKeyId, secretAccessKey } = config;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('S3 storage: give both accessKeyId and secretAccessKey, or neither');
  }
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle ?? config.endpoint !== undefined,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Since 3.729 the SDK adds CRC32 checksums to every upload it can. A presigned PUT then
    // carries the checksum of an empty body in its URL, which AWS checks against the real
    // body and refuses; and streamed uploads switch to aws-chunked trailers that
    // S3-compatible services (radosgw among them) do not all speak. Checksums only where
    // the API demands them (DeleteObjects) keeps every service working.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The SDK's error for "no such key" (GET) or a 404 without a body (HEAD). */
export function isMissingObject(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || (name === 'NotFound' && $metadata?.httpStatusCode === 404);
}

export function httpStatusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}
