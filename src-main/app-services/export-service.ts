/** Exports an audited snapshot to a workbook, CSV or JSON file chosen in a save dialog. */
import type { ParsedRequestOf, ResponseOf } from '../ipc/contract';
import type { AuditService } from './audit-service';
import { fromTaskError } from './errors';
import type { SnapshotLibrary } from './library';
import type { ExportKind, FileDialogs } from './ports';
import type { TaskRunner } from './task-runner';

const EXTENSIONS: Record<ExportKind, string> = { workbook: 'xlsx', csv: 'csv', json: 'json' };

export class ExportService {
  constructor(
    private readonly library: SnapshotLibrary,
    private readonly audits: AuditService,
    private readonly runner: TaskRunner,
    private readonly dialogs: FileDialogs,
    private readonly identity: { runBy: string; toolVersion: string }
  ) {}

  /** Writes the file in a worker. A cancelled save dialog returns `written: false` and writes nothing. */
  async export(kind: ExportKind, input: ParsedRequestOf<'export:workbook'>): Promise<ResponseOf<'export:workbook'>> {
    const source = await this.library.source(input.snapshotId);
    const compare = input.compareId === undefined ? null : await this.library.source(input.compareId);

    const defaultName = `roster-${input.snapshotId}-${input.language}.${EXTENSIONS[kind]}`;
    const path = await this.dialogs.saveExport(input.path, defaultName, kind);
    if (path === null) return { written: false };

    try {
      const written = await this.runner.run('export', {
        kind,
        source,
        compare,
        audit: this.audits.peek(input.snapshotId),
        language: input.language,
        path,
        runBy: this.identity.runBy,
        toolVersion: this.identity.toolVersion
      });
      return { written: true, ...written };
    } catch (error) {
      throw fromTaskError(error);
    }
  }
}
