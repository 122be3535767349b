import { buildSnapshotFromImport, formatImportSummary, importFiles } from '../../import';
import { Workspace } from '../../store';
import { type Command, stringOption } from '../command';
import { UsageError } from '../errors';

export const importCommand: Command = {
  name: 'import',
  summary: 'Build a snapshot from files an administrator exported (Graph, PowerShell, CSV, SCIM)',
  usage: [
    'roster import FOLDER|FILE... [--sentry-url URL] [--dry-run] [--workspace DIR]',
    '  Reads the .json, .csv, .tsv and .txt files of each FOLDER and the FILEs given, prints what it recognized,',
    '  and writes one snapshot when nothing an audit needs is missing. --dry-run only prints the summary.',
    '  --sentry-url sets Sentry\'s SCIM base URL when no capture-info.json from the capture script names it.'
  ].join('\n'),
  options: {
    'sentry-url': { type: 'string' },
    'dry-run': { type: 'boolean' }
  },
  async run(context) {
    if (context.positionals.length === 0) throw new UsageError('name the exported files, or a folder that contains them.');

    const plan = await importFiles(context.positionals, { sentryBaseUrl: stringOption(context, 'sentry-url') });
    context.stdout(formatImportSummary(plan));

    if (plan.missing.length > 0) {
      throw new Error(`no snapshot was written: ${plan.missing.length} part(s) an audit needs are missing from the files (listed above).`);
    }
    if (context.values['dry-run']) {
      context.stderr('Dry run: nothing was written.');
      return 0;
    }

    const workspace = await Workspace.open(context.workspaceDir);
    try {
      const meta = await workspace.writeSnapshot(buildSnapshotFromImport(plan));
      context.stderr(`Snapshot written to ${workspace.dir}.`);
      const twins = workspace.list().filter((summary) => summary.id !== meta.id && summary.contentSha256 === meta.contentSha256);
      if (twins.length > 0) {
        context.stderr(`Note: the content equals snapshot ${twins.map((twin) => twin.id).join(', ')}; the same files were probably imported before.`);
      }
      context.stdout(`\nSnapshot ${meta.id}`);
      return 0;
    } finally {
      workspace.close();
    }
  }
};
