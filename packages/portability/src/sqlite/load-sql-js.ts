/**
 * The package's only impure code: loading sql.js (SQLite compiled to WebAssembly) and its
 * `sql-wasm.wasm`. Kept in this one file so a bundle can change how the wasm is found.
 *
 * By default the wasm is resolved from node_modules beside this module (Node). The server bundle
 * keeps `sql.js` external (apps/server/build.mjs), so the default works there; a bundle that
 * inlines sql.js, or a browser, must call `configureSqlJs` first with `locateFile` or
 * `wasmBinary`.
 */
import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

export interface SqlJsSetup {
  /** Where `sql-wasm.wasm` is: a path (Node) or URL (browser). */
  locateFile?: (file: string) => string;
  /** The wasm itself, when it is shipped some other way. */
  wasmBinary?: ArrayBuffer;
}

let setup: SqlJsSetup | undefined;
let loading: Promise<SqlJsStatic> | undefined;

/** Replaces how sql.js is loaded; the next import loads it again. */
export function configureSqlJs(next: SqlJsSetup): void {
  setup = next;
  loading = undefined;
}

function defaultSetup(): SqlJsSetup {
  const require = createRequire(import.meta.url);
  return { locateFile: (file) => require.resolve(`sql.js/dist/${file}`) };
}

/** sql.js, compiled once per process (~700 kB of wasm, a few ms) and shared by all imports. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!loading) {
    loading = initSqlJs(setup ?? defaultSetup()).catch((error: unknown) => {
      loading = undefined; // let the next import try again
      throw error;
    });
  }
  return loading;
}
