/**
 * How long a server keeps an idle keep-alive connection open: one request on a raw socket, then
 * silence, timed until the server closes it. A proxy that pools connections to the app (Fly's,
 * nginx, the lab's edge) must never be the one to send on a connection the server is closing, or
 * the user gets a 502: the server has to be the side that waits longer.
 */
import { connect } from 'node:net';
import type { Address } from './http-client';

/** Milliseconds from the response to the server closing the connection; null if still open. */
export function measureIdleClose(server: Address, waitMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, server.host);
    let answeredAt: number | undefined;
    const done = (value: number | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), waitMs);
    socket.once('connect', () => {
      socket.write(
        `GET /api/live HTTP/1.1\r\nHost: ${server.host}:${server.port}\r\nConnection: keep-alive\r\n\r\n`,
      );
    });
    socket.on('data', () => {
      answeredAt ??= performance.now();
    });
    socket.once('close', () => {
      if (answeredAt === undefined) reject(new Error('the connection closed before an answer'));
      else done(performance.now() - answeredAt);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
