import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../src-main/store';

// Each vitest test file runs in its own module scope, so this file starts with sql.js not yet loaded.
describe('loadSqlJs', () => {
  it('reports a missing wasm file, then loads once', async () => {
    const missing = join('/nonexistent', 'sql-wasm.wasm');

    await expect(loadSqlJs({ wasmPath: missing })).rejects.toThrow(
      `Failed to load the SQLite engine from ${missing}: ENOENT: no such file or directory, open '${missing}'. Reinstall Roster, or pass the path of sql-wasm.wasm from sql.js 1.17.`
    );

    const first = await loadSqlJs();
    const db = new first.Database();
    expect(db.exec('SELECT sqlite_version() IS NOT NULL')[0]?.values).toEqual([[1]]);
    db.close();

    expect(await loadSqlJs({ wasmPath: missing })).toBe(first);
  });
});
