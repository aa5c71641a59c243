/**
 * @habit-tracker/test-support: the real parts every suite (server, e2e, reliability, deploy,
 * lab), the benchmarks and the data layer's own tests run against, started and stopped in one
 * way: throwaway PostgreSQL clusters (and streaming replicas), a throwaway Ceph radosgw (a real
 * S3), a Web Push service (web-push-testing, with a fault proxy), an SMTP server that keeps what it
 * receives, free ports on 127.0.0.1, and the
 * server as a child process.
 */
export { cookieHeader, storeSetCookies } from './cookie-jar';
export { findFreePort } from './free-port';
export * from './oidc-provider';
export * from './postgres';
export { readCpuMs, readMemory, readProcessTreeCpuMs, resetPeakMemory } from './proc';
export * from './push-service';
export {
  type RadosgwConnection,
  type RadosgwServer,
  type StartRadosgwOptions,
  startRadosgw,
} from './radosgw/radosgw';
export * from './server-process';
export * from './smtp-server';
export * from './webauthn-authenticator';
