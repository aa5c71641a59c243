/**
 * A real Web Push service for tests: web-push-testing (RFC 8030 endpoints that check the VAPID
 * JWT and decrypt aes128gcm payloads) in a child process on a free port, plus an optional
 * fault-injecting HTTP proxy in front of it for the answers it cannot give (429 with Retry-After,
 * 5xx, slowness). The proxy is the only stand-in; every message still goes through the real
 * service. Used by the server suite, the reliability sweep and the reminder benchmark; killed if
 * the test process ends without stopping it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { onProcessEnd } from './exit-hooks';
import { findFreePort } from './free-port';

export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  clientHash: string;
}

export interface PushService {
  /** http://localhost:<port>: the origin of every endpoint it hands out. */
  origin: string;
  subscribe(applicationServerKey: string): Promise<TestSubscription>;
  /** The decrypted payloads that reached this subscription, in order. */
  messages(clientHash: string): Promise<string[]>;
  /** Later sends to it answer 410 Gone. */
  expire(clientHash: string): Promise<void>;
  stop(): Promise<void>;
}

const serverScript = createRequire(import.meta.url).resolve('web-push-testing/src/bin/server.js');

export async function startPushService(): Promise<PushService> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, [serverScript, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onProcessEnd(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // It logs every refused JWT to stderr; keep the tail for failures.
  child.stderr!.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`web-push-testing exited: ${output}`);
    try {
      const res = await fetch(`${origin}/status`, { method: 'POST' });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`web-push-testing did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const post = async (path: string, body: unknown) => {
    const send = () =>
      fetch(`${origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Express closes idle keep-alive connections after 5 s; a request racing that close is
    // reset before it is read ("other side closed"): it did nothing, so ask once more.
    const res = await send().catch(() => send());
    const text = await res.text();
    if (!res.ok) throw new Error(`web-push-testing ${path}: ${res.status} ${text}`);
    // /expire-subscription answers a plain "OK".
    return res.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as { data: unknown })
      : { data: null };
  };
  return {
    origin,
    async subscribe(applicationServerKey) {
      // userVisibleOnly must be the *string* "true" (a JSON boolean is refused).
      const { data } = await post('/subscribe', { userVisibleOnly: 'true', applicationServerKey });
      return data as TestSubscription;
    },
    async messages(clientHash) {
      const { data } = await post('/get-notifications', { clientHash });
      return (data as { messages: string[] }).messages;
    },
    async expire(clientHash) {
      await post(`/expire-subscription/${clientHash}`, {});
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** What the proxy does with one push request: forward it, or answer itself. */
export type Fault = { status: number; retryAfter?: string } | 'forward';

export interface FaultProxy {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The same subscription, reached through the proxy. */
  via(subscription: TestSubscription): TestSubscription;
  /** Faults to answer, in order, to requests for this client hash (then forward). */
  plan(clientHash: string, faults: Fault[]): void;
  /** Every request is held this long before it is handled (a slow push service). */
  delayMs: number;
  /** Requests seen per client hash, whatever they were answered. */
  seen(clientHash: string): number;
  stop(): Promise<void>;
}

export async function startFaultProxy(target: PushService): Promise<FaultProxy> {
  const targetUrl = new URL(target.origin);
  const plans = new Map<string, Fault[]>();
  const counts = new Map<string, number>();
  const proxy = {
    delayMs: 0,
  } as FaultProxy;
  const server: Server = createServer((req, res) => {
    const hash = (req.url ?? '').split('/').pop() ?? '';
    counts.set(hash, (counts.get(hash) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const fault = plans.get(hash)?.shift() ?? 'forward';
        if (fault !== 'forward') {
          const headers: Record<string, string> = { 'content-type': 'text/plain' };
          if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
          res.writeHead(fault.status, headers).end('injected by the test proxy');
          return;
        }
        const upstream = httpRequest(
          {
            host: '127.0.0.1',
            port: Number(targetUrl.port),
            path: req.url,
            method: req.method,
            headers: { ...req.headers, host: targetUrl.host },
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', () => res.writeHead(502).end());
        upstream.end(Buffer.concat(chunks));
      }, proxy.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(proxy, {
    origin,
    via: (s: TestSubscription) => ({ ...s, endpoint: s.endpoint.replace(target.origin, origin) }),
    plan: (hash: string, faults: Fault[]) => plans.set(hash, [...faults]),
    seen: (hash: string) => counts.get(hash) ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
