/**
 * Serves the web app's build (apps/web/dist) for every non-/api path, so one process serves the
 * whole product from one origin (no CORS, cookies stay first-party).
 *
 * - /assets/* are content-hashed by Vite: cached for a year, immutable.
 * - index.html, sw.js and the manifest must be revalidated every time (`no-cache` + ETag), or
 *   a deploy would not reach returning users.
 * - Navigations to app routes (/habits/123) get index.html: the client router takes over.
 * - Compressed with the `.br`/`.gz` the build left beside a file, else compressed once here.
 *
 * Files are read once and kept in memory: a build is a few hundred KB and never changes while
 * the process runs (a deploy starts a new process).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml|javascript)|image\/svg)/;
const MIN_COMPRESS_BYTES = 1024;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Icons, robots.txt and other unhashed files: fresh for an hour, then revalidated by ETag. */
const SHORT = 'public, max-age=3600';

interface Asset {
  type: string;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

export interface ServeWebAppOptions {
  /**
   * Serve `*.map` files (off in production: source maps show the original code of every module
   * to anyone; the build keeps them, unreferenced, for debugging with the build at hand).
   */
  sourceMaps?: boolean;
}

export function serveWebApp(webRoot: string, options: ServeWebAppOptions = {}): MiddlewareHandler {
  const root = resolve(webRoot);
  const sourceMaps = options.sourceMaps ?? false;
  const cache = new Map<string, Promise<Asset | null>>();

  const load = (relative: string) => {
    let entry = cache.get(relative);
    if (!entry) {
      entry = loadAsset(root, relative);
      cache.set(relative, entry);
    }
    return entry;
  };

  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) {
      return next();
    }
    const relative = safeRelativePath(path);
    if (relative === null) return next();
    if (!sourceMaps && relative.endsWith('.map')) return next();

    let asset = relative === '' ? null : await load(relative);
    let name = relative;
    if (!asset && isNavigation(relative, c.req.header('accept'))) {
      name = 'index.html';
      asset = await load(name);
    }
    if (!asset) return next();

    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': cacheControlFor(name),
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === asset.etag) {
      return c.body(null, 304, headers);
    }
    const accepted = c.req.header('accept-encoding') ?? '';
    let body = asset.identity;
    if (asset.br && /\bbr\b/.test(accepted)) {
      body = asset.br;
      headers['Content-Encoding'] = 'br';
    } else if (asset.gzip && /\bgzip\b/.test(accepted)) {
      body = asset.gzip;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    if (method === 'HEAD') return c.body(null, 200, headers);
    return c.body(
      new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length),
      200,
      headers,
    );
  };
}

/** `/a/b.js` → `a/b.js`; null for anything that could escape the root. */
function safeRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const normalized = normalize(decoded).replace(/^\/+/, '');
  if (normalized.startsWith('..') || normalized.split('/').includes('..')) return null;
  return normalized.endsWith('/') ? `${normalized}index.html` : normalized;
}

/** A page load of a client route (no file extension), as opposed to a missing asset. */
function isNavigation(relative: string, accept: string | undefined): boolean {
  if (relative.startsWith('assets/')) return false;
  return extname(relative) === '' || (accept ?? '').includes('text/html');
}

function cacheControlFor(name: string): string {
  if (name.startsWith('assets/')) return IMMUTABLE;
  if (
    name.endsWith('.html') ||
    name === 'sw.js' ||
    name.startsWith('workbox-') ||
    name.startsWith('manifest') ||
    name.endsWith('.webmanifest')
  ) {
    return REVALIDATE;
  }
  return SHORT;
}

async function loadAsset(root: string, relative: string): Promise<Asset | null> {
  const file = join(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
  } catch {
    return null;
  }
  const identity = await readFile(file);
  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const asset: Asset = {
    type,
    identity,
    etag: `"${createHash('sha1').update(identity).digest('base64url')}"`,
  };
  asset.br = await readFile(`${file}.br`).catch(() => undefined);
  asset.gzip = await readFile(`${file}.gz`).catch(() => undefined);
  if (COMPRESSIBLE.test(type) && identity.length >= MIN_COMPRESS_BYTES) {
    asset.br ??= await brotli(identity, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 9,
        [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    });
    asset.gzip ??= await gzipAsync(identity, { level: 9 });
  }
  return asset;
}
