/**
 * The lab's stand-in for Fly's proxy in one region: it forwards each request to the region's own
 * app server and, when the answer carries `fly-replay: region=X`, re-sends the same request
 * (method, path, headers and body intact) to region X's server — through the WAN-delay link —
 * with a `fly-replay-src` header, and answers with that response instead. As on Fly, a request
 * body over 1 MB cannot be replayed (the edge answers 502 then).
 * See https://fly.io/docs/networking/dynamic-request-routing/.
 */
import {
  Agent,
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';

/** Fly's limit on a replayed request's body. */
export const REPLAY_BODY_LIMIT_BYTES = 1_000_000;
/** The edge buffers bodies to be able to replay them; beyond this it refuses outright. */
const BUFFER_LIMIT_BYTES = 8_000_000;
const UPSTREAM_TIMEOUT_MS = 30_000;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

export interface Address {
  host: string;
  port: number;
}

export interface EdgeOptions {
  region: string;
  /** This region's app server. */
  local: Address;
  /** Other regions' app servers as this edge reaches them (through WAN-delay proxies). */
  remote: Record<string, Address>;
  /** Stands for the machine id in `fly-replay-src`. */
  instance?: string;
}

export interface Edge {
  region: string;
  host: string;
  port: number;
  url: string;
  /** Requests replayed to another region so far. */
  replayCount(): number;
  close(): Promise<void>;
}

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const agents = new Map<string, Agent>();
  const agentFor = (address: Address) => {
    const key = `${address.host}:${address.port}`;
    let agent = agents.get(key);
    if (!agent) {
      // Warm connections between regions, as Fly's proxies keep them.
      agent = new Agent({ keepAlive: true, maxSockets: 64 });
      agents.set(key, agent);
    }
    return agent;
  };
  let replays = 0;

  const server: Server = createServer(async (req, res) => {
    try {
      const body = await readBody(req, BUFFER_LIMIT_BYTES);
      if (body === null)
        return sendError(res, 413, 'payload_too_large', 'Body over the edge limit');
      const headers = forwardedHeaders(req);
      const first = await send(options.local, req.method!, req.url!, headers, body);
      const replay = parseReplay(first.headers['fly-replay']);
      if (!replay) return relay(first, res);
      first.resume(); // the app's own answer to a replayed request is discarded, as on Fly
      const target =
        replay.region === options.region ? options.local : options.remote[replay.region];
      // As Fly's proxy with `fallback=prefer_self`: a replay that cannot be made goes back to
      // the app that asked for it, marked fly-replay-failed.
      const fallBack = async (reason: string) => {
        if (!replay.fallback) return sendError(res, 502, 'replay_failed', reason);
        const back = await send(
          options.local,
          req.method!,
          req.url!,
          {
            ...headers,
            'fly-replay-failed': `reason=${reason.replaceAll(';', ',')}`,
          },
          body,
        );
        relay(back, res);
      };
      if (!target) return fallBack(`No app server in region ${replay.region}`);
      if (body.length > REPLAY_BODY_LIMIT_BYTES) {
        return sendError(res, 502, 'replay_failed', 'Requests over 1 MB cannot be replayed');
      }
      replays++;
      const src = [
        `instance=${options.instance ?? `edge-${options.region}`}`,
        `region=${options.region}`,
        `t=${Math.round(performance.timeOrigin * 1000 + performance.now() * 1000)}`,
        ...(replay.state ? [`state=${replay.state}`] : []),
      ].join(';');
      const second = await send(
        target,
        req.method!,
        req.url!,
        { ...headers, 'fly-replay-src': src },
        body,
      ).catch((error: Error) => error);
      if (second instanceof Error) return fallBack(second.message);
      relay(second, res);
    } catch (error) {
      if (!res.headersSent) sendError(res, 502, 'upstream_failed', String(error));
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;

  function send(
    target: Address,
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const upstream = request(
        {
          host: target.host,
          port: target.port,
          method,
          path,
          headers: { ...headers, 'content-length': String(body.length) },
          agent: agentFor(target),
          timeout: UPSTREAM_TIMEOUT_MS,
        },
        resolve,
      );
      upstream.once('timeout', () => upstream.destroy(new Error('upstream timed out')));
      upstream.once('error', reject);
      upstream.end(body);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('edge: no address');
  let closing: Promise<void> | undefined;
  return {
    region: options.region,
    host: '127.0.0.1',
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    replayCount: () => replays,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const agent of agents.values()) agent.destroy();
      });
      return closing;
    },
  };
}

function forwardedHeaders(req: IncomingMessage): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name) && name !== 'content-length') headers[name] = value;
  }
  // Fly sets the client's address; a lab client may name the one it simulates.
  const simulated = req.headers['x-lab-client-ip'];
  headers['fly-client-ip'] =
    typeof simulated === 'string' ? simulated : (req.socket.remoteAddress ?? '127.0.0.1');
  delete headers['x-lab-client-ip'];
  headers['x-forwarded-proto'] = 'http';
  return headers;
}

function parseReplay(
  header: string | string[] | undefined,
): { region: string; state?: string; fallback?: string } | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const fields = new Map(
    value.split(';').map((part) => {
      const [key, ...rest] = part.trim().split('=');
      return [key!.toLowerCase(), rest.join('=').replace(/^"|"$/g, '')] as const;
    }),
  );
  const region = fields.get('region')?.split(',')[0]?.trim();
  if (!region) return null;
  const state = fields.get('state');
  const fallback = fields.get('fallback');
  return { region, ...(state ? { state } : {}), ...(fallback ? { fallback } : {}) };
}

function relay(upstream: IncomingMessage, res: ServerResponse): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  res.writeHead(upstream.statusCode ?? 502, headers);
  upstream.pipe(res);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
