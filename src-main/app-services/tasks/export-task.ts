import { auditSnapshot, diffSnapshots } from '../../audit';
import { buildWorkbook, findingsToCsv, findingsToJson, writeFileAtomic } from '../../report';
import { readSnapshot } from './read-snapshot';
import type { TaskInputs, TaskOutputs } from './types';

/** Builds the workbook, CSV or JSON file in the worker and writes it atomically to `input.path`. */
export async function runExportTask(input: TaskInputs['export']): Promise<TaskOutputs['export']> {
  const snapshot = await readSnapshot(input.source);
  const audit = input.audit ?? auditSnapshot(snapshot);

  let content: string | Uint8Array;
  if (input.kind === 'workbook') {
    const compareSnapshot = input.compare === null ? null : await readSnapshot(input.compare);
    const compare = compareSnapshot === null ? null : { snapshot: compareSnapshot.meta, diff: diffSnapshots(compareSnapshot, snapshot) };
    content = buildWorkbook(
      { snapshot: snapshot.meta, audit, compare, runBy: input.runBy, generatedAt: new Date(), toolVersion: input.toolVersion },
      input.language
    );
  } else if (input.kind === 'csv') {
    content = findingsToCsv(audit, input.language);
  } else {
    content = `${JSON.stringify(findingsToJson({ snapshot: snapshot.meta, audit, toolVersion: input.toolVersion }, input.language), null, 2)}\n`;
  }

  await writeFileAtomic(input.path, content);
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  return { path: input.path, bytes, findingCount: audit.findings.length };
}
