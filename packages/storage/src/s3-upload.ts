import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { chunksOf } from './body';
import type { ObjectBody } from './object-store';

/**
 * S3 needs a body's length before it starts (a plain chunked PUT is refused), and a stream's is
 * unknown. So a stream is read in parts of PART_SIZE: one that ends within the first part is one
 * PutObject; a longer one becomes a multipart upload, one part in memory at a time. 8 MiB is
 * above S3's 5 MiB minimum part size and gives up to 80 GB within its 10,000 parts.
 */
export const PART_SIZE = 8 * 1024 * 1024;

export async function uploadStream(
  client: S3Client,
  target: { bucket: string; key: string; contentType: string },
  body: ObjectBody,
): Promise<void> {
  const { bucket: Bucket, key: Key, contentType: ContentType } = target;
  const parts = partsOf(body);
  const first = await parts.next();
  const firstPart = first.done ? new Uint8Array(0) : first.value;
  if (firstPart.length < PART_SIZE) {
    await client.send(
      new PutObjectCommand({
        Bucket,
        Key,
        ContentType,
        Body: firstPart,
        ContentLength: firstPart.length,
      }),
    );
    return;
  }

  const { UploadId } = await client.send(
    new CreateMultipartUploadCommand({ Bucket, Key, ContentType }),
  );
  if (!UploadId) throw new Error(`S3 gave no upload id for ${Key}`);
  try {
    const completed: { ETag: string; PartNumber: number }[] = [];
    let part: Uint8Array | undefined = firstPart;
    for (let PartNumber = 1; part; PartNumber++) {
      const { ETag } = await client.send(
        new UploadPartCommand({
          Bucket,
          Key,
          UploadId,
          PartNumber,
          Body: part,
          ContentLength: part.length,
        }),
      );
      if (!ETag) throw new Error(`S3 gave no ETag for part ${PartNumber} of ${Key}`);
      completed.push({ ETag, PartNumber });
      const next = await parts.next();
      part = next.done ? undefined : next.value;
    }
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key,
        UploadId,
        MultipartUpload: { Parts: completed },
      }),
    );
  } catch (error) {
    // Unfinished parts are stored (and billed) until aborted.
    await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => {});
    throw error;
  }
}

/** The body regrouped into PART_SIZE pieces (the last one shorter); nothing for an empty body. */
async function* partsOf(body: ObjectBody): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (let chunk of chunksOf(body)) {
    while (pendingBytes + chunk.length >= PART_SIZE) {
      const take = PART_SIZE - pendingBytes;
      pending.push(chunk.subarray(0, take));
      yield Buffer.concat(pending);
      chunk = chunk.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (chunk.length > 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
