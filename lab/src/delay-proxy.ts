/**
 * A TCP proxy that delays bytes like a WAN link: every chunk is held for half the round-trip
 * time in each direction, in order, and a new connection first waits one round trip (the TCP
 * handshake a real client would wait for). There is no netem on the lab machine, and this is all
 * a WAN changes for our protocols (HTTP/1.1 and PostgreSQL's): when each byte arrives.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface DelayProxyOptions {
  /** Where connections go: an address, or a function asked at each new connection. */
  target: { host: string; port: number } | (() => { host: string; port: number });
  /** Round-trip time added to the link, in milliseconds. */
  rttMs: number;
  /** For messages. */
  label?: string;
}

export interface DelayProxy {
  host: string;
  port: number;
  label: string;
  /** The current round-trip time. */
  readonly rttMs: number;
  /** Changes the delay for bytes sent from now on (lag injection); order is still kept. */
  setRtt(ms: number): void;
  /** Open connections through the proxy. */
  connectionCount(): number;
  /** Stops listening and cuts every connection. Safe to call twice. */
  close(): Promise<void>;
}

export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  let rttMs = options.rttMs;
  const sockets = new Set<Socket>();
  const resolveTarget =
    typeof options.target === 'function'
      ? options.target
      : () => options.target as { host: string; port: number };

  // Half-open allowed: an end travels through the delay like any byte, never ahead of them.
  const server: Server = createServer({ allowHalfOpen: true }, (client) => {
    const connectedAt = performance.now();
    // The client may send only once its handshake would have completed, one round trip in.
    const openAt = connectedAt + rttMs;
    const { host, port } = resolveTarget();
    const upstream = connect({ host, port, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    const oneWay = () => rttMs / 2;
    pipeDelayed(client, upstream, () => Math.max(performance.now(), openAt) + oneWay());
    pipeDelayed(upstream, client, () => performance.now() + oneWay());
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('error', cut);
    upstream.once('error', cut);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('delay proxy: no address');

  let closing: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port: address.port,
    label: options.label ?? `delay-${address.port}`,
    get rttMs() {
      return rttMs;
    },
    setRtt(ms) {
      rttMs = ms;
    },
    connectionCount: () => sockets.size / 2,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/**
 * Forwards `from` → `to`, each chunk (and the final end) released at the time `dueAt()` gave it
 * on arrival. Due times never go backwards, so bytes keep their order when the delay shrinks.
 */
function pipeDelayed(from: Socket, to: Socket, dueAt: () => number): void {
  const queue: { due: number; chunk: Buffer | null }[] = [];
  let lastDue = 0;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.due <= now + 0.5) {
      const { chunk } = queue.shift()!;
      if (to.destroyed) return;
      if (chunk === null) to.end();
      else to.write(chunk);
    }
    schedule();
  };
  const schedule = () => {
    if (timer || queue.length === 0) return;
    timer = setTimeout(flush, Math.max(0, queue[0]!.due - performance.now()));
  };
  const push = (chunk: Buffer | null) => {
    lastDue = Math.max(lastDue, dueAt());
    queue.push({ due: lastDue, chunk });
    schedule();
  };

  from.on('data', (chunk: Buffer) => push(chunk));
  from.once('end', () => push(null));
  from.once('close', () => {
    // A reset (not a clean end) reaches the other side after the same delay.
    if (!from.readableEnded) {
      const due = Math.max(lastDue, dueAt());
      setTimeout(() => to.destroy(), Math.max(0, due - performance.now()));
    }
  });
  to.once('close', () => {
    if (timer) clearTimeout(timer);
    queue.length = 0;
    from.destroy();
  });
}
