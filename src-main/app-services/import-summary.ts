/**
 * Turns the importer's plan into the summary the import view shows: each file with the objects
 * recognized in it, what an audit still needs, warnings, and the snapshot that would be written.
 */
import { basename } from 'node:path';
import type { ImportPlan } from '../import';
import { importObjectKindSchema, type ImportFileDto, type ImportMissingDto, type ImportObjectKind, type ImportOutlineDto, type ImportSummaryDto } from '../ipc/schemas/import';

/** The order in which a file's counts are listed, the schema's own: the tenant and app first, Sentry last. */
const KIND_ORDER: readonly ImportObjectKind[] = importObjectKindSchema.options;

/**
 * The importer's sentences for missing parts, each with the code the renderer translates. The importer
 * writes English only, so the view needs the code and the values (group, user ids) to say it in German.
 */
const MISSING_PATTERNS: Array<{ code: ImportMissingDto['code']; pattern: RegExp }> = [
  { code: 'servicePrincipal', pattern: /^The Sentry enterprise app's service principal:/ },
  { code: 'assignments', pattern: /^The app role assignments:/ },
  { code: 'tenant', pattern: /^The tenant id:/ },
  { code: 'sentryBaseUrl', pattern: /^Sentry's SCIM base URL:/ },
  { code: 'sentryUsers', pattern: /^The Sentry members:/ },
  { code: 'sentryTeams', pattern: /^The Sentry teams:/ },
  { code: 'group', pattern: /^The assigned group (?<group>.+) itself: export GET \/groups\/(?<groupId>[^ ]+) into/ },
  { code: 'groupMembers', pattern: /^The members of assigned group (?<group>.+): export GET \/groups\/(?<groupId>[^/]+)\/members / },
  {
    code: 'groupTransitiveMembers',
    pattern: /^The transitive members of assigned group (?<group>.+), which contains nested groups: export GET \/groups\/(?<groupId>[^/]+)\/transitiveMembers /
  },
  { code: 'userDetails', pattern: /^The userPrincipalName and accountEnabled of (?<userCount>\d+) user\(s\) \((?<users>.*)\): export / }
];

/** Classifies one of the importer's missing-part sentences; an unknown sentence becomes `other` and keeps its text. */
export function classifyMissing(text: string): ImportMissingDto {
  for (const { code, pattern } of MISSING_PATTERNS) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const groups = match.groups ?? {};
    return {
      code,
      group: groups.group ?? null,
      groupId: groups.groupId ?? null,
      userCount: groups.userCount === undefined ? null : Number(groups.userCount),
      users: groups.users ?? null,
      text
    };
  }
  return { code: 'other', group: null, groupId: null, userCount: null, users: null, text };
}

export interface SummaryOptions {
  /** True when the files were dropped: main holds them in a temporary folder, whose path means nothing to the auditor. */
  dropped: boolean;
  /** Rewrites a text that may name files by their path, e.g. to drop the temporary folder. */
  cleanText: (text: string) => string;
}

/** Builds the summary the renderer shows from an import plan. */
export function summarizeImport(plan: ImportPlan, options: SummaryOptions): ImportSummaryDto {
  const files: ImportFileDto[] = plan.files.map((file) => ({
    name: basename(file.file),
    path: options.dropped ? null : file.file,
    format: file.format,
    counts: KIND_ORDER.filter((kind) => (file.counts[kind] ?? 0) > 0).map((kind) => ({ kind, count: file.counts[kind] ?? 0 }))
  }));

  return {
    files,
    skipped: plan.skipped.map((path) => basename(path)),
    missing: plan.missing.map(classifyMissing),
    warnings: plan.warnings.map(options.cleanText),
    outline: outline(plan)
  };
}

function outline(plan: ImportPlan): ImportOutlineDto | null {
  if (plan.snapshot === null) return null;
  const { meta, data } = plan.snapshot;
  const directMembers = data.entra.memberships.filter((edge) => edge.relation === 'direct').length;

  return {
    createdAt: meta.createdAt,
    tenantId: meta.tenantId,
    appDisplayName: meta.appDisplayName,
    appId: meta.appId,
    servicePrincipalId: meta.servicePrincipalId,
    sentryOrg: meta.sentryOrg,
    sentryBaseUrl: meta.sentryBaseUrl,
    assignments: data.entra.assignments.length,
    entraUsers: data.entra.users.length,
    deletedUsers: data.entra.deletedUserIds.length,
    entraGroups: data.entra.groups.length,
    directMembers,
    nestedMembers: data.entra.memberships.length - directMembers,
    provisioningJob: data.entra.provisioningJob !== null,
    provisioningSchema: data.entra.provisioningSchema !== null,
    provisioningLogs: data.entra.provisioningLogs === null ? null : data.entra.provisioningLogs.length,
    scimUsers: data.sentry.users.length,
    scimGroups: data.sentry.groups.length
  };
}
