import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLES, groupId } from './parity-seed';

const SCRIPT = fileURLToPath(new URL('../../resources/capture/Export-RosterCapture.ps1', import.meta.url));

/** Lists the file names the script passes to Write-Export, with `$id` replaced by each group id. */
function scriptFileNames(groupIds: string[]): string[] {
  const text = readFileSync(SCRIPT, 'utf8');
  const names = [...text.matchAll(/Write-Export\s+(?:'([^']+)'|"([^"]+)")/g)].map((match) => match[1] ?? match[2] ?? '');
  return names.flatMap((name) => (name.includes('$id') ? groupIds.map((id) => name.replace('$id', id)) : [name])).sort();
}

describe('capture script', () => {
  it('writes exactly the sample file names', () => {
    const samples = readdirSync(fileURLToPath(new URL('powershell/', SAMPLES))).sort();
    expect(scriptFileNames([groupId(1)])).toEqual(samples);
  });

  it('names each member list file', () => {
    expect(scriptFileNames([groupId(1)]).filter((name) => name.includes('members'))).toEqual([
      'group-members.96e0a000-0000-4000-8000-000000000001.json',
      'group-transitive-members.96e0a000-0000-4000-8000-000000000001.json'
    ]);
  });

  it('keeps only SyncAll of the provisioning secrets', () => {
    const text = readFileSync(SCRIPT, 'utf8');
    expect(text).toContain("Where-Object { $_.key -eq 'SyncAll' }");
    expect(text).not.toMatch(/Write-Export\s+\S+\s+\$secrets\b/);
  });

  it('converts to JSON deep enough for the schema', () => {
    expect(readFileSync(SCRIPT, 'utf8')).toContain('ConvertTo-Json -InputObject $Value -Depth 32');
  });
});
