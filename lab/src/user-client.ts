/**
 * A simulated user: HTTP/1.1 over keep-alive connections to their entry point (a delay proxy in
 * front of their nearest edge), with a cookie jar, timing every request.
 */
import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { cookieHeader, storeSetCookies } from '@habit-tracker/test-support';
import type { Address } from './edge';

/** Response bodies in the lab are checked by assertions, not by the compiler. */
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Json = any;

export interface LabResponse<T = Json> {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  body: T;
  /** From sending the request to the last byte of the response. */
  ms: number;
}

export interface RequestOptions {
  json?: unknown;
  headers?: Record<string, string>;
}

const REQUEST_TIMEOUT_MS = 30_000;

export class LabUser {
  readonly cookies = new Map<string, string>();
  private agent: Agent;

  constructor(
    readonly entry: Address,
    /** Sent as the client address the edge reports (rate limits are per client). */
    readonly ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`,
    /** Connections per host, like a browser's 6. */
    private readonly maxSockets = 6,
  ) {
    this.agent = this.newAgent();
  }

  /** Drops every connection, like a browser started afresh (cookies are kept). */
  coldStart(): void {
    this.agent.destroy();
    this.agent = this.newAgent();
  }

  close(): void {
    this.agent.destroy();
  }

  request<T = Json>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<LabResponse<T>> {
    const headers: Record<string, string> = {
      'x-lab-client-ip': this.ip,
      'accept-encoding': 'br, gzip',
      ...options.headers,
    };
    const cookie = cookieHeader(this.cookies);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.entry.host,
          port: this.entry.port,
          method,
          path,
          headers,
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('error', reject);
          res.once('end', () => {
            const ms = performance.now() - started;
            storeSetCookies(this.cookies, res.headers['set-cookie']);
            const raw = decode(Buffer.concat(chunks), res.headers['content-encoding']);
            const text = /json|text|javascript/.test(res.headers['content-type'] ?? '')
              ? raw.toString('utf8')
              : '';
            let parsed: unknown = null;
            if (text && res.headers['content-type']?.includes('json')) parsed = JSON.parse(text);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              body: parsed as T,
              ms,
            });
          });
        },
      );
      req.once('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.once('error', reject);
      req.end(body);
    });
  }

  get<T = Json>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = Json>(path: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, json });
  }
  put<T = Json>(path: string, json?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, json });
  }

  private newAgent(): Agent {
    return new Agent({ keepAlive: true, maxSockets: this.maxSockets });
  }
}

/** Undoes the content encoding a browser asked for (`accept-encoding: br, gzip`). */
function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  return body;
}
