/**
 * Real processes for the deploy tests: the production server bundle (apps/server/dist/main.js,
 * as the image runs it, through @habit-tracker/test-support) and Debian's nginx with the front's
 * template. Everything listens on 127.0.0.1 at free ports and is stopped by the test that
 * started it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findFreePort,
  REPO_ROOT,
  SERVER_BUNDLE,
  type ServerProcess,
  startServerProcess,
} from '@habit-tracker/test-support';

export type { ServerProcess };

export const ROOT = REPO_ROOT;
export const WEB_BUILD = join(ROOT, 'apps', 'web', 'dist');
export const NGINX_DIR = join(ROOT, 'deploy', 'nginx');
export const NGINX_BIN = '/usr/sbin/nginx';

export function requireBuild(): void {
  if (!existsSync(SERVER_BUNDLE)) {
    throw new Error(`${SERVER_BUNDLE} is missing: run \`npm run build\` first (npm test does)`);
  }
}

/** Starts dist/main.js with `env` on a free 127.0.0.1 port and waits for /api/health. */
export function startServer(
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  requireBuild();
  return startServerProcess({ env, timeoutMs });
}

export interface FrontValues {
  API_UPSTREAM: string;
  API_PRIMARY_UPSTREAM: string;
  API_PRIMARY_REGION: string;
  BODY_LIMIT: string;
  FRONT_REGION: string;
  WEB_ROOT: string;
}

export interface NginxProcess {
  url: string;
  /** The rendered template, for failure messages. */
  config: string;
  errorLog(): Promise<string>;
  accessLog(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Renders deploy/nginx/default.conf.template as the nginx image's entrypoint would (envsubst of
 * exactly these names) and runs Debian's nginx with it, in the foreground, under a temp prefix.
 */
export async function startNginx(values: FrontValues): Promise<NginxProcess> {
  if (!existsSync(NGINX_BIN)) {
    throw new Error(`${NGINX_BIN} is missing: apt-get install nginx (.ci/run installs it)`);
  }
  const port = await findFreePort();
  const prefix = await mkdtemp(join(tmpdir(), 'ht-front-'));
  // nginx's workers run as nobody when the master is root: they must read this folder.
  await chmod(prefix, 0o755);
  const substitutions: Record<string, string> = {
    ...values,
    LISTEN: `127.0.0.1:${port}`,
    RESOLVER: '127.0.0.1',
  };
  const template = await readFile(join(NGINX_DIR, 'default.conf.template'), 'utf8');
  const config = template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => {
    return substitutions[name] ?? whole;
  });
  const unresolved = /\$\{[A-Z_]+\}/.exec(config);
  if (unresolved) throw new Error(`template variable ${unresolved[0]} has no test value`);
  for (const snippet of ['front-proxy.conf', 'front-headers.conf']) {
    await copyFile(join(NGINX_DIR, snippet), join(prefix, snippet));
  }
  await mkdir(join(prefix, 'logs'));
  // The template writes its access log to stdout (the container's log); here, to a file.
  const main = `
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  include ${prefix}/default.conf;
}
`;
  await writeFile(join(prefix, 'nginx.conf'), main);
  await writeFile(
    join(prefix, 'default.conf'),
    config.replace(
      'access_log /dev/stdout front_json;',
      `access_log ${prefix}/logs/access.log front_json;`,
    ),
  );

  const child = spawn(
    NGINX_BIN,
    [
      '-p',
      prefix,
      '-c',
      join(prefix, 'nginx.conf'),
      '-e',
      join(prefix, 'logs', 'error.log'),
      '-g',
      'daemon off;',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const errorLog = () => readFile(join(prefix, 'logs', 'error.log'), 'utf8').catch(() => '');
  const accessLog = () => readFile(join(prefix, 'logs', 'access.log'), 'utf8').catch(() => '');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT'); // nginx's graceful stop
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(prefix, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited: ${output}\n${await errorLog()}\n--- config ---\n${config}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, config, errorLog, accessLog, stop };
}
