/**
 * Sends one Web Push message (RFC 8030, payload encrypted per RFC 8291 aes128gcm, VAPID per RFC
 * 8292). `web-push` builds the request — encryption, VAPID JWT, headers — and we send it with
 * fetch ourselves: the same path then speaks HTTPS to the browsers' push services and plain HTTP
 * to the local test service (web-push's own sender only speaks HTTPS).
 */
import type { PushPayload } from '@habit-tracker/contract';
import webpush from 'web-push';
import type { VapidKeys } from './vapid';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushOutcome {
  /** HTTP status, or null when no answer came (network, timeout). */
  status: number | null;
  /** Retry-After in milliseconds, when the service sent one. */
  retryAfterMs: number | null;
  error: string | null;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** A VAPID JWT is valid for 12 hours (the most web-push allows); one is reused for an hour. */
const JWT_LIFETIME_S = 12 * 60 * 60;
const JWT_REUSE_MS = 60 * 60 * 1000;

/**
 * VAPID headers per push-service origin (the JWT's audience). Signing one costs milliseconds
 * (web-push re-encodes the key each time) — most of a send's CPU — and a push service accepts the
 * same token for every message until it expires, so each origin gets one an hour.
 */
const vapidHeaders = new Map<
  string,
  { headers: Record<string, string>; madeAt: number; key: string }
>();

function vapidHeadersFor(
  endpoint: string,
  vapid: VapidKeys,
  now = Date.now(),
): Record<string, string> {
  const audience = new URL(endpoint).origin;
  const cached = vapidHeaders.get(audience);
  if (cached && cached.key === vapid.publicKey && now - cached.madeAt < JWT_REUSE_MS) {
    return cached.headers;
  }
  const headers = webpush.getVapidHeaders(
    audience,
    vapid.subject,
    vapid.publicKey,
    vapid.privateKey,
    'aes128gcm',
    Math.floor(now / 1000) + JWT_LIFETIME_S,
  ) as unknown as Record<string, string>;
  vapidHeaders.set(audience, { headers, madeAt: now, key: vapid.publicKey });
  return headers;
}

export async function sendPush(
  target: PushTarget,
  payload: PushPayload,
  vapid: VapidKeys,
  options: { ttlSeconds: number; topic: string },
): Promise<PushOutcome> {
  let request: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    request = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        headers: vapidHeadersFor(target.endpoint, vapid),
        contentEncoding: 'aes128gcm',
        TTL: options.ttlSeconds,
        // A message still waiting at the push service is replaced by a resend with the same topic.
        topic: options.topic,
        urgency: 'normal',
      },
    );
  } catch (error) {
    // Keys that are not a P-256 point, an unusable endpoint…: this subscription cannot work.
    return { status: 400, retryAfterMs: null, error: message(error) };
  }
  const headers = { ...request.headers } as Record<string, string>;
  delete headers['Content-Length'];
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers,
      body: Uint8Array.from(request.body as Buffer).buffer,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      redirect: 'manual',
    });
    // Only the status matters; the body is drained so the connection can be reused.
    const text = response.ok ? '' : (await response.text()).slice(0, 200);
    if (response.ok) await response.body?.cancel().catch(() => undefined);
    return {
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      error: response.ok ? null : text || response.statusText,
    };
  } catch (error) {
    return { status: null, retryAfterMs: null, error: message(error) };
  }
}

/** Seconds, or an HTTP date (RFC 9110). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function message(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return (cause?.code ?? cause?.message ?? error.message).slice(0, 200);
  }
  return String(error).slice(0, 200);
}
