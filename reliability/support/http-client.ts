/**
 * The suite's HTTP client: HTTP/1.1 keep-alive over node:http (no hidden retries, no
 * decompression: we send no Accept-Encoding), a cookie jar per client, a hard time bound per
 * request, and the time each request took. Failures below HTTP (reset, refused, timed out)
 * throw a `TransportError` with the socket error's code, so tests can tell them apart.
 */
import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import { cookieHeader, storeSetCookies } from '@habit-tracker/test-support';

export interface Address {
  host: string;
  port: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body when the response says JSON and parses; else undefined. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions.
  body: any;
  /** From sending the request to the last byte of the response. */
  ms: number;
}

export interface SendOptions {
  /** Sent as JSON (content-type application/json). */
  json?: unknown;
  /** Sent verbatim, with `contentType` when given (for malformed bodies). */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Send this one request elsewhere (another region's edge), with the same cookies. */
  to?: Address;
}

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly code: string,
    message: string,
    readonly ms: number,
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export interface HttpClientOptions {
  /** Share one agent among many simulated users (a load generator), else each has its own. */
  agent?: Agent;
  /** Headers sent with every request, e.g. a valid Origin. */
  headers?: Record<string, string>;
  /** Keep the Set-Cookie answers (a browser); false sends only the cookies set by hand. */
  keepCookies?: boolean;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  private readonly agent: Agent;
  private readonly ownsAgent: boolean;

  constructor(
    public entry: Address,
    private readonly options: HttpClientOptions = {},
  ) {
    this.ownsAgent = options.agent === undefined;
    this.agent = options.agent ?? new Agent({ keepAlive: true, maxSockets: 6 });
  }

  get origin(): string {
    return `http://${this.entry.host}:${this.entry.port}`;
  }

  close(): void {
    if (this.ownsAgent) this.agent.destroy();
  }

  send(method: string, path: string, options: SendOptions = {}): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...this.options.headers, ...options.headers };
    const cookie = cookieHeader(this.cookies);
    if (cookie) headers.cookie = cookie;
    let payload: string | Buffer | undefined;
    if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.raw !== undefined) {
      payload = options.raw;
      if (options.contentType !== undefined) headers['content-type'] = options.contentType;
    }
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const started = performance.now();
    const elapsed = () => performance.now() - started;

    return new Promise((resolve, reject) => {
      const fail = (code: string, message: string) => {
        clearTimeout(timer);
        reject(new TransportError(code, `${method} ${path}: ${message}`, elapsed()));
      };
      const req = request(
        { ...(options.to ?? this.entry), method, path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('error', (error: NodeJS.ErrnoException) =>
            fail(error.code ?? 'ERESPONSE', error.message),
          );
          res.once('end', () => {
            clearTimeout(timer);
            if (this.options.keepCookies !== false)
              storeSetCookies(this.cookies, res.headers['set-cookie']);
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            if (/json/.test(res.headers['content-type'] ?? '')) {
              try {
                body = JSON.parse(text);
              } catch {
                body = undefined;
              }
            }
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              body,
              ms: elapsed(),
            });
          });
        },
      );
      // A bound on the whole exchange, not on socket idleness: a trickling answer is a hang too.
      const timer: NodeJS.Timeout = setTimeout(() => {
        fail('TIMEOUT', `no complete answer within ${timeoutMs} ms`);
        req.destroy();
      }, timeoutMs);
      req.once('error', (error: NodeJS.ErrnoException) =>
        fail(error.code ?? 'EREQUEST', error.message),
      );
      req.end(payload);
    });
  }

  get(path: string, options?: SendOptions) {
    return this.send('GET', path, options);
  }
  post(path: string, json?: unknown, options?: SendOptions) {
    return this.send('POST', path, { ...options, json });
  }
  put(path: string, json?: unknown, options?: SendOptions) {
    return this.send('PUT', path, { ...options, json });
  }
  patch(path: string, json?: unknown, options?: SendOptions) {
    return this.send('PATCH', path, { ...options, json });
  }
  delete(path: string, options?: SendOptions) {
    return this.send('DELETE', path, options);
  }
}

/** The code of a transport failure (ECONNRESET, ECONNREFUSED, TIMEOUT…), or undefined. */
export function transportCode(error: unknown): string | undefined {
  return error instanceof TransportError ? error.code : undefined;
}
