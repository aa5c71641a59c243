/**
 * Both fly.toml files against Fly's documented configuration
 * (https://fly.io/docs/reference/configuration/, and flyctl's own appconfig types): every key
 * known, every value of the documented type, and the choices this project depends on.
 *
 * The schema below is a transcription of that reference, limited to the sections these files
 * may use; a key Fly does not document is an error, not a silent no-op.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/processes';

type Check = (value: unknown, path: string) => string[];

const isString: Check = (v, p) => (typeof v === 'string' ? [] : [`${p}: expected a string`]);
const isBoolean: Check = (v, p) => (typeof v === 'boolean' ? [] : [`${p}: expected a boolean`]);
const isInteger: Check = (v, p) =>
  Number.isInteger(v) || typeof v === 'bigint' ? [] : [`${p}: expected an integer`];
const isNumber: Check = (v, p) => (typeof v === 'number' ? [] : [`${p}: expected a number`]);
const oneOf =
  (...allowed: string[]): Check =>
  (v, p) =>
    typeof v === 'string' && allowed.includes(v)
      ? []
      : [`${p}: expected one of ${allowed.join('|')}`];
const stringArray: Check = (v, p) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? [] : [`${p}: expected strings`];
const stringMap: Check = (v, p) =>
  isPlainTable(v) && Object.values(v).every((s) => typeof s === 'string')
    ? []
    : [`${p}: expected a table of strings (env values can only be strings)`];

/** A Go duration string ("15s", "1m30s") or an integer (milliseconds; kill_timeout: seconds). */
function durationMs(value: unknown, integerUnitMs: number): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value * integerUnitMs;
  if (typeof value !== 'string') return undefined;
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((m) => m[0]).join('') !== value) return undefined;
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((sum, m) => sum + Number(m[1]) * unit[m[2] as keyof typeof unit], 0);
}

const duration =
  (integerUnitMs = 1, min?: number, max?: number): Check =>
  (v, p) => {
    const ms = durationMs(v, integerUnitMs);
    if (ms === undefined) return [`${p}: expected a duration like "15s"`];
    if (min !== undefined && ms < min) return [`${p}: at least ${min / 1000} s`];
    if (max !== undefined && ms > max) return [`${p}: at most ${max / 1000} s`];
    return [];
  };

/** "512mb", "1gb", or an integer number of MB; Fly allocates in 256 MB steps. */
const memory: Check = (v, p) => {
  const match = typeof v === 'string' ? /^(\d+)\s*(mb|gb)$/i.exec(v) : null;
  const mb =
    typeof v === 'number' && Number.isInteger(v)
      ? v
      : match
        ? Number(match[1]) * (match[2]!.toLowerCase() === 'gb' ? 1024 : 1)
        : undefined;
  if (mb === undefined) return [`${p}: expected "512mb", "1gb" or an integer of MB`];
  return mb >= 256 && mb % 256 === 0 ? [] : [`${p}: a multiple of 256 MB, at least 256`];
};

function isPlainTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const table =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (!isPlainTable(v))
      return [`${p}: expected a table${Array.isArray(v) ? ', not an array' : ''}`];
    const errors: string[] = [];
    for (const [key, value] of Object.entries(v)) {
      const check = fields[key];
      const path = p ? `${p}.${key}` : key;
      if (!check) errors.push(`${path}: not a key Fly documents here`);
      else errors.push(...check(value, path));
    }
    return errors;
  };

const arrayOf =
  (item: Check): Check =>
  (v, p) =>
    Array.isArray(v)
      ? v.flatMap((entry, i) => item(entry, `${p}[${i}]`))
      : [`${p}: expected an array of tables`];

const concurrency = table({
  type: oneOf('connections', 'requests'),
  soft_limit: isInteger,
  hard_limit: isInteger,
});

// Service checks: interval ≥ 2 s, timeout ≤ 60 s (Fly's limits on Machine checks).
const httpCheck = table({
  grace_period: duration(1),
  interval: duration(1, 2_000),
  timeout: duration(1, undefined, 60_000),
  method: isString,
  path: isString,
  protocol: oneOf('http', 'https'),
  tls_server_name: isString,
  tls_skip_verify: isBoolean,
  headers: stringMap,
});

const FLY_TOML = table({
  app: isString,
  primary_region: isString,
  kill_signal: oneOf('SIGINT', 'SIGTERM', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGKILL', 'SIGSTOP'),
  kill_timeout: duration(1_000, 0, 300_000),
  swap_size_mb: isInteger,
  console_command: isString,
  build: table({
    builder: isString,
    buildpacks: stringArray,
    image: isString,
    dockerfile: isString,
    ignorefile: isString,
    'build-target': isString,
    args: stringMap,
  }),
  deploy: table({
    release_command: isString,
    release_command_timeout: duration(1),
    strategy: oneOf('rolling', 'immediate', 'canary', 'bluegreen'),
    max_unavailable: isNumber,
    wait_timeout: duration(1),
  }),
  env: stringMap,
  http_service: table({
    internal_port: isInteger,
    force_https: isBoolean,
    auto_stop_machines: oneOf('off', 'stop', 'suspend'),
    auto_start_machines: isBoolean,
    min_machines_running: isInteger,
    processes: stringArray,
    concurrency,
    checks: arrayOf(httpCheck),
    http_options: table({ idle_timeout: isInteger, h2_backend: isBoolean }),
    tls_options: table({
      alpn: stringArray,
      versions: stringArray,
      default_self_signed: isBoolean,
    }),
  }),
  vm: arrayOf(
    table({
      size: oneOf(
        'shared-cpu-1x',
        'shared-cpu-2x',
        'shared-cpu-4x',
        'shared-cpu-8x',
        'performance-1x',
        'performance-2x',
      ),
      memory,
      cpus: (v, p) => ([1, 2, 4, 8, 16].includes(Number(v)) ? [] : [`${p}: 1, 2, 4, 8 or 16`]),
      cpu_kind: oneOf('shared', 'performance'),
      processes: stringArray,
    }),
  ),
  metrics: table({ port: isInteger, path: isString, processes: stringArray }),
});

function load(relative: string): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, relative), 'utf8')) as Record<string, unknown>;
}

describe.each(['fly.toml', 'deploy/nginx/fly.toml'])('%s', (file) => {
  const config = load(file);

  it("has only keys and value types from Fly's reference", () => {
    expect(FLY_TOML(config, '')).toEqual([]);
  });

  it('is one primary region with request-based concurrency and a health check', () => {
    expect(config.primary_region).toBe('iad');
    const service = config.http_service as Record<string, unknown>;
    expect(service.force_https).toBe(true);
    expect(service.auto_stop_machines).toBe('suspend');
    expect(service.auto_start_machines).toBe(true);
    expect(service.min_machines_running).toBeGreaterThanOrEqual(1);
    const limits = service.concurrency as { type: string; soft_limit: number; hard_limit: number };
    expect(limits.type).toBe('requests');
    expect(limits.soft_limit).toBeLessThan(limits.hard_limit);
    expect(service.checks).toHaveLength(1);
  });

  it('names a Dockerfile that exists (relative to the config file), and a stage of it', () => {
    const build = config.build as { dockerfile: string; 'build-target'?: string };
    const dir = join(ROOT, file, '..');
    const text = readFileSync(join(dir, build.dockerfile), 'utf8');
    // Without a target a builder makes the last stage: the API image.
    const stages = [...text.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    expect(stages.at(-1)).toBe('runtime');
    if (build['build-target']) expect(stages).toContain(build['build-target']);
  });
});

describe('the API app (fly.toml)', () => {
  const config = load('fly.toml');
  const service = config.http_service as Record<string, unknown>;
  const env = config.env as Record<string, string>;
  const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');

  it('listens where the image listens, and checks /api/health', () => {
    expect(service.internal_port).toBe(8080);
    expect(env.PORT).toBe(String(service.internal_port));
    expect(dockerfile).toMatch(/^\s*PORT=8080\b/m);
    expect(dockerfile).toMatch(/^EXPOSE 8080\b/m);
    const [check] = service.checks as { path: string }[];
    expect(check?.path).toBe('/api/health');
  });

  it('migrates in the release command, with the bundled release entry', () => {
    const deploy = config.deploy as { release_command: string };
    expect(deploy.release_command).toBe('node dist/release.js');
    const build = readFileSync(join(ROOT, 'apps/server/build.mjs'), 'utf8');
    expect(build).toContain("release: join(here, 'src/release.ts')");
    // …so serving machines need not check the journal again at every start.
    expect(env.MIGRATE_ON_START).toBe('false');
  });

  it('gives SIGTERM draining more time than the server takes', () => {
    expect(config.kill_signal).toBe('SIGTERM');
    const main = readFileSync(join(ROOT, 'apps/server/src/main.ts'), 'utf8');
    const graceMs = Number(/SHUTDOWN_GRACE_MS = ([\d_]+)/.exec(main)?.[1]?.replaceAll('_', ''));
    expect(graceMs).toBeGreaterThan(0);
    expect(durationMs(config.kill_timeout, 1_000)).toBeGreaterThan(graceMs);
  });

  it('exposes Prometheus metrics on their own port, not the public one', () => {
    const metrics = config.metrics as { port: number; path: string };
    expect(metrics).toEqual({ port: 9091, path: '/metrics' });
    expect(env.METRICS_PORT).toBe(String(metrics.port));
    expect(metrics.port).not.toBe(service.internal_port);
  });

  it('sizes the VM at 256 MB, with heap caps that fit in it', () => {
    const [vm] = config.vm as { memory: string }[];
    expect(vm?.memory).toBe('256mb');
    const heap = Number(/--max-old-space-size=(\d+)/.exec(env.NODE_OPTIONS ?? '')?.[1]);
    const semi = Number(/--max-semi-space-size=(\d+)/.exec(env.NODE_OPTIONS ?? '')?.[1]);
    // Old space, both semi-spaces and the import worker's heap together stay under the VM.
    expect(heap + 3 * semi + Number(env.IMPORT_READ_HEAP_MB)).toBeLessThan(256);
  });
});

describe('the schema catches mistakes', () => {
  const good = load('fly.toml');
  const withService = (patch: Record<string, unknown>) => ({
    ...good,
    http_service: { ...(good.http_service as object), ...patch },
  });

  it.each([
    ['an unknown key', { ...good, regions: ['iad'] }, 'regions: not a key'],
    [
      'auto_stop_machines as a boolean',
      withService({ auto_stop_machines: true }),
      'auto_stop_machines',
    ],
    [
      'concurrency as an array',
      withService({ concurrency: [{ type: 'requests' }] }),
      'not an array',
    ],
    [
      'a 1 s check interval',
      withService({ checks: [{ interval: '1s', path: '/' }] }),
      'at least 2 s',
    ],
    [
      'a 90 s check timeout',
      withService({ checks: [{ timeout: '90s', path: '/' }] }),
      'at most 60 s',
    ],
    ['memory "512"', { ...good, vm: [{ memory: '512' }] }, 'memory'],
    ['memory "300mb"', { ...good, vm: [{ memory: '300mb' }] }, 'multiple of 256'],
    ['an env number', { ...good, env: { PORT: 8080 } }, 'strings'],
  ])('%s', (_name, config, message) => {
    expect(FLY_TOML(config, '').join('\n')).toContain(message);
  });
});
