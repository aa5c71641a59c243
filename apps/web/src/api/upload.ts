/**
 * Sends a file's bytes as an upload instruction says (a presigned S3 URL, or this API's own
 * upload path in local mode). XMLHttpRequest, not fetch: only XHR reports upload progress.
 */
import type { UploadInstruction } from '@habit-tracker/contract';
import { NetworkError, readResponse } from './client';

/**
 * Headers a page may not set: the browser derives them from the URL and the body, which is what
 * a signature that binds them expects (Content-Length is the file's size). Setting them would
 * only print a console error.
 */
const SET_BY_BROWSER = new Set(['content-length', 'host', 'connection']);

export function uploadFile(
  upload: UploadInstruction,
  file: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Upload cancelled', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    // fetch's `credentials: 'same-origin'`: our session cookie for our own upload path, none
    // for a bucket's presigned URL (its signature is the authorisation).
    xhr.withCredentials = new URL(upload.url, location.href).origin === location.origin;
    for (const [name, value] of Object.entries(upload.headers)) {
      if (!SET_BY_BROWSER.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      // Through readResponse, so an upload error reads like any other API error (401 included).
      const retryAfter = xhr.getResponseHeader('Retry-After');
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: retryAfter ? { 'Retry-After': retryAfter } : {},
      });
      readResponse(response).then(() => resolve(), reject);
    };
    xhr.onerror = () => reject(new NetworkError('Upload failed'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
