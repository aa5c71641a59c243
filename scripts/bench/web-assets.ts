/**
 * What a browser downloads to open the web app, in gzip bytes: the JavaScript and CSS that
 * index.html references (its script, modulepreloads and stylesheets — the first load), apart
 * from the chunks the app imports later, on demand.
 *
 * The web app is built from the current source into a temporary folder rather than measured in
 * apps/web/dist: a stale build would measure old code, and rebuilding apps/web/dist would pull it
 * from under whatever else is serving or testing it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './server-process';

export interface AssetSize {
  /** Relative to the build folder, e.g. `assets/index-HaGH7-Vz.js`. */
  path: string;
  bytes: number;
  /** gzip at level 9, as a server that precompresses would send it. */
  gzipBytes: number;
}

export interface AssetGroup {
  files: AssetSize[];
  bytes: number;
  gzipBytes: number;
}

export interface WebAssetsReport {
  /** The scripts index.html runs and the modules it preloads. */
  firstLoadJs: AssetGroup;
  /** The stylesheets index.html links. */
  firstLoadCss: AssetGroup;
  /** Every other JavaScript chunk of the app (screens, dialogs…), fetched when first used. */
  lazyJs: AssetGroup;
  /** Stylesheets not linked from index.html (usually none). */
  lazyCss: AssetGroup;
}

/** Builds apps/web into a temporary folder, measures it and removes the folder. */
export function buildAndMeasureWebAssets(log: (message: string) => void): WebAssetsReport {
  const outDir = mkdtempSync(join(tmpdir(), 'habit-bench-web-'));
  try {
    log('bench: building the web app (vite build into a temporary folder)');
    const result = spawnSync(
      'npm',
      ['run', 'build', '-w', '@habit-tracker/web', '--', '--outDir', outDir, '--emptyOutDir'],
      // stdout carries only the results table.
      { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] },
    );
    if (result.status !== 0) throw new Error(`the web build failed (exit ${result.status})`);
    return measureWebAssets(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function measureWebAssets(buildDir: string): WebAssetsReport {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const firstLoad = new Set(firstLoadUrls(html).map((url) => url.replace(/^\//, '')));
  // The service worker (sw.js, workbox-*.js at the root) is not the app: only assets/ holds chunks.
  const chunks = listFiles(join(buildDir, 'assets')).map((file) => relative(buildDir, file));
  const sizes = (paths: string[]) => group(paths.map((path) => sizeOf(buildDir, path)));
  const isJs = (path: string) => path.endsWith('.js');
  const isCss = (path: string) => path.endsWith('.css');
  const first = [...firstLoad];
  return {
    firstLoadJs: sizes(first.filter(isJs)),
    firstLoadCss: sizes(first.filter(isCss)),
    lazyJs: sizes(chunks.filter((path) => isJs(path) && !firstLoad.has(path))),
    lazyCss: sizes(chunks.filter((path) => isCss(path) && !firstLoad.has(path))),
  };
}

/**
 * Same-origin URLs of `<script src>` and of `<link rel="modulepreload|stylesheet" href>`, in
 * document order. Vite writes one tag per line with double-quoted attributes.
 */
export function firstLoadUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const rel = attribute(tag, 'rel');
    const url = tag.startsWith('<script')
      ? attribute(tag, 'src')
      : rel === 'modulepreload' || rel === 'stylesheet'
        ? attribute(tag, 'href')
        : undefined;
    // Absolute URLs (a CDN) are not this build's bytes; query strings are not part of a path.
    if (url && !/^[a-z]+:|^\/\//i.test(url)) urls.push(url.split(/[?#]/)[0]!);
  }
  return urls;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function sizeOf(buildDir: string, path: string): AssetSize {
  const bytes = readFileSync(join(buildDir, path));
  return { path, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

function group(files: AssetSize[]): AssetGroup {
  return {
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export function renderWebAssets(assets: WebAssetsReport): string[] {
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const files = (group: AssetGroup) =>
    `${group.files.length} file${group.files.length === 1 ? '' : 's'}: ` +
    group.files.map((file) => `\`${file.path}\``).join(', ');
  const lazyCss =
    assets.lazyCss.files.length > 0
      ? `, and ${assets.lazyCss.files.length} lazy stylesheets, ${kb(assets.lazyCss.gzipBytes)}`
      : '';
  return [
    '### Web app assets',
    '',
    'Built from this commit (`vite build`); gzip at level 9, KB = 10³ bytes. The first load is what ' +
      "`index.html` references: its script, the modules it preloads and its stylesheets; the screens' " +
      'chunks load when first opened (the service worker is not counted).',
    '',
    `- First-load JavaScript: **${kb(assets.firstLoadJs.gzipBytes)}** gzip (${kb(assets.firstLoadJs.bytes)} raw) in ` +
      `${files(assets.firstLoadJs)}.`,
    `- First-load CSS: **${kb(assets.firstLoadCss.gzipBytes)}** gzip (${kb(assets.firstLoadCss.bytes)} raw) in ` +
      `${files(assets.firstLoadCss)}.`,
    `- Loaded on demand: ${assets.lazyJs.files.length} JavaScript chunks, ${kb(assets.lazyJs.gzipBytes)} gzip in all ` +
      `(${kb(assets.lazyJs.bytes)} raw)${lazyCss}.`,
    '',
  ];
}
