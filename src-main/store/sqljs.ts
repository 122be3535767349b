import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

let loading: Promise<SqlJsStatic> | null = null;

/**
 * Initializes sql.js once per process and returns the same module afterwards.
 *
 * By default `sql-wasm.wasm` is found next to the installed sql.js package. The packaged Electron app
 * passes `wasmPath` because the file sits in its resources folder there. A later call with a different
 * `wasmPath` gets the already loaded module, since one WebAssembly instance serves the whole process.
 */
export function loadSqlJs(options: { wasmPath?: string } = {}): Promise<SqlJsStatic> {
  if (loading !== null) return loading;

  const wasmPath = options.wasmPath ?? 'sql.js/dist/sql-wasm.wasm';
  loading = Promise.resolve()
    .then(() => readFile(options.wasmPath ?? createRequire(import.meta.url).resolve(wasmPath)))
    .then((wasmBinary) => initSqlJs({ wasmBinary: toArrayBuffer(wasmBinary) }))
    .catch((error: unknown) => {
      // Forget the failed attempt so a later call, e.g. with a corrected wasmPath, can try again.
      loading = null;
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Failed to load the SQLite engine from ${wasmPath}: ${detail}. Reinstall Roster, or pass the path of sql-wasm.wasm from sql.js 1.17.`, { cause: error });
    });
  return loading;
}

function toArrayBuffer(bytes: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
