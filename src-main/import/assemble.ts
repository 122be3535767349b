import { basename } from 'node:path';
import { describePopulation } from '../capture/population';
import type { SnapshotData, SourceRecord, UnavailableItem } from '../model/snapshot';
import { parseScimBaseUrl } from '../scim/base-url';
import type { SnapshotMetaInput } from '../store/validate';
import { TOOL_VERSION } from '../version';
import { assembleEntra, compare } from './assemble-entra';
import type { Collected, CountClaim } from './collect';
import { ImportError } from './errors';
import { describeOrigin } from './records';
import type { Origin } from './records';

export interface AssembleOptions {
  /** Sentry's SCIM base URL, when no capture-info.json names it. */
  sentryBaseUrl?: string;
  /** Time of the import, used when no capture-info.json gives the capture time. */
  now: Date;
  /** Operating-system account running the import. */
  capturedBy: string;
}

export interface Assembly {
  snapshot: { meta: SnapshotMetaInput; data: SnapshotData } | null;
  missing: string[];
  warnings: string[];
}

const GUID_HEX = /^[0-9a-f]{32}$/;

/** Turns the collected objects into snapshot content and metadata, or lists what is missing for it. */
export function assemble(c: Collected, options: AssembleOptions): Assembly {
  const missing: string[] = [];
  const warnings: string[] = [];
  const createdAt = captureTime(c, options.now);
  const times = { startedAt: createdAt, endedAt: createdAt };

  const tenantId = resolveTenant(c, missing);
  const sentry = resolveSentry(c, options, missing);

  const servicePrincipals = c.servicePrincipals.values();
  if (servicePrincipals.length > 1) {
    const [first, second] = servicePrincipals as [(typeof servicePrincipals)[0], (typeof servicePrincipals)[0]];
    throw new ImportError(second.origin.file, second.origin.path, `a second service principal, '${second.value.displayName}' (${second.value.id}), besides '${first.value.displayName}' in ${describeOrigin(first.origin)}. Export only the Sentry enterprise app's service principal.`);
  }
  const sp = servicePrincipals[0]?.value ?? null;
  if (sp === null) missing.push("The Sentry enterprise app's service principal: export GET /servicePrincipals?$filter=appId eq '<app id>' into service-principal.json.");
  if (c.pages.assignments === 0) missing.push("The app role assignments: export GET /servicePrincipals/<id>/appRoleAssignedTo, every page, into app-role-assignments.json.");

  const entra = sp === null ? null : assembleEntra(c, sp, times, missing, warnings);
  warnings.push(describeFiles(c, options));

  if (missing.length > 0 || sp === null || entra === null || tenantId === null || sentry === null) {
    return { snapshot: null, missing, warnings };
  }

  const sources: SourceRecord[] = [
    { source: 'graph.servicePrincipal', ...times, rowsReceived: 1, apiTotal: null, pages: 1, retries: 0 },
    ...entra.sources,
    { source: 'scim.users', ...times, rowsReceived: sentry.users.length, apiTotal: sentry.usersTotal, pages: c.pages.scimUsers, retries: 0 },
    { source: 'scim.groups', ...times, rowsReceived: sentry.groups.length, apiTotal: sentry.groupsTotal, pages: c.pages.scimGroups, retries: 0 }
  ];
  const unavailable: UnavailableItem[] = entra.unavailable;

  return {
    missing,
    warnings,
    snapshot: {
      meta: {
        createdAt,
        origin: 'import',
        toolVersion: TOOL_VERSION,
        capturedBy: options.capturedBy,
        tenantId,
        appId: sp.appId,
        servicePrincipalId: sp.id,
        appDisplayName: sp.displayName,
        sentryOrg: sentry.org,
        sentryBaseUrl: sentry.baseUrl,
        population: `${describePopulation({ appDisplayName: sp.displayName, appId: sp.appId, assignedGroupCount: entra.assignedGroupCount, sentryOrg: sentry.org })} (imported from exported files)`,
        sources,
        warnings,
        unavailable
      },
      data: {
        entra: { tenantId, servicePrincipal: sp, ...entra.side },
        sentry: { baseUrl: sentry.baseUrl, orgSlug: sentry.org, users: sentry.users, groups: sentry.groups }
      }
    }
  };
}

/** Returns the capture time from capture-info.json, else the import time. The snapshot id is made from it. */
function captureTime(c: Collected, now: Date): string {
  const info = c.captureInfo.find((found) => found.value.capturedAt !== null);
  if (!info) return now.toISOString();
  const parsed = new Date(info.value.capturedAt as string);
  if (Number.isNaN(parsed.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/.test(info.value.capturedAt as string)) {
    throw new ImportError(info.origin.file, `${info.origin.path}.capturedAt`, `expected an ISO 8601 time with a zone, e.g. 2025-01-08T09:30:00Z, found "${info.value.capturedAt}".`);
  }
  return parsed.toISOString();
}

/**
 * Finds the tenant id in the organization object, capture-info.json, provisioning log entries and the
 * provisioning job id (`<template>.<tenant id without dashes>.<guid>`). All must name the same tenant.
 */
function resolveTenant(c: Collected, missing: string[]): string | null {
  const hints: Array<{ tenantId: string; origin: Origin }> = [...c.tenantHints];
  for (const info of c.captureInfo) if (info.value.tenantId !== null) hints.push({ tenantId: info.value.tenantId, origin: info.origin });
  if (hints.length === 0) {
    missing.push('The tenant id: export GET /organization into organization.json.');
    return null;
  }

  const key = (id: string): string => id.toLowerCase().replace(/-/g, '');
  const first = hints[0] as (typeof hints)[0];
  const other = hints.find((hint) => key(hint.tenantId) !== key(first.tenantId));
  if (other) {
    throw new ImportError(other.origin.file, other.origin.path, `names tenant ${other.tenantId}, but ${describeOrigin(first.origin)} names tenant ${first.tenantId}. A snapshot covers one tenant; import the files of one tenant only.`);
  }
  const named = hints.find((hint) => !GUID_HEX.test(hint.tenantId)) ?? first;
  const hex = key(named.tenantId);
  return GUID_HEX.test(named.tenantId) ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : named.tenantId.toLowerCase();
}

interface SentryAssembly {
  baseUrl: string;
  org: string;
  users: SnapshotData['sentry']['users'];
  groups: SnapshotData['sentry']['groups'];
  usersTotal: number | null;
  groupsTotal: number | null;
}

function resolveSentry(c: Collected, options: AssembleOptions, missing: string[]): SentryAssembly | null {
  const urls = c.captureInfo.filter((found) => found.value.sentryScimBaseUrl !== null);
  const distinct = [...new Set(urls.map((found) => found.value.sentryScimBaseUrl))];
  if (distinct.length > 1) {
    const [first, second] = urls as [(typeof urls)[0], (typeof urls)[0]];
    throw new ImportError(second.origin.file, `${second.origin.path}.sentryScimBaseUrl`, `names ${second.value.sentryScimBaseUrl}, but ${describeOrigin(first.origin)} names ${first.value.sentryScimBaseUrl}. Import the files of one Sentry organization only.`);
  }

  let base: { url: string; org: string } | null = null;
  const given = options.sentryBaseUrl ?? distinct[0] ?? null;
  if (given === null) {
    missing.push("Sentry's SCIM base URL: pass --sentry-url (Settings > Auth > SCIM Information in Sentry), or add the capture script's capture-info.json.");
  } else {
    try {
      base = parseScimBaseUrl(given);
    } catch (error) {
      const origin = options.sentryBaseUrl === undefined && urls[0] ? urls[0].origin : null;
      throw new ImportError(origin?.file ?? '--sentry-url', origin ? `${origin.path}.sentryScimBaseUrl` : null, (error as Error).message);
    }
  }

  if (c.pages.scimUsers === 0) missing.push('The Sentry members: download every page of GET <SCIM base URL>/Users into sentry-users.json.');
  if (c.pages.scimGroups === 0) missing.push('The Sentry teams: download every page of GET <SCIM base URL>/Groups into sentry-teams.json.');
  const usersTotal = checkScimTotal(c.scimTotals.users, c.scimUsers.size, 'users');
  const groupsTotal = checkScimTotal(c.scimTotals.groups, c.scimGroups.size, 'groups');
  if (base === null || c.pages.scimUsers === 0 || c.pages.scimGroups === 0) return null;

  return {
    baseUrl: base.url,
    org: base.org,
    users: c.scimUsers.values().map((found) => found.value).sort((a, b) => compareScimIds(a.id, b.id)),
    groups: c.scimGroups.values().map((found) => found.value).sort((a, b) => compareScimIds(a.id, b.id)),
    usersTotal,
    groupsTotal
  };
}

/** Checks that every page of one SCIM listing announces the same `totalResults` and that the pages add up to it. */
function checkScimTotal(claims: CountClaim[], received: number, what: string): number | null {
  const first = claims[0];
  if (first === undefined) return null;
  const other = claims.find((claim) => claim.count !== first.count);
  if (other) {
    throw new ImportError(other.origin.file, `${other.origin.path}.totalResults`, `announces ${other.count} ${what}, but ${describeOrigin(first.origin)} announces ${first.count}. The pages come from different listings; download them again at one time.`);
  }
  if (first.count !== received) {
    const advice = first.count > received ? 'A page is missing: download every page, raising startIndex by the page size until totalResults is reached.' : 'The pages come from different listings; download them again at one time.';
    throw new ImportError(first.origin.file, `${first.origin.path}.totalResults`, `Sentry announced ${first.count} ${what}, but the files hold ${received} distinct ones. ${advice}`);
  }
  return first.count;
}

/** Sentry ids are decimal numbers as strings; shorter ones sort first so `9` comes before `10`. */
function compareScimIds(a: string, b: string): number {
  return a.length - b.length || compare(a, b);
}

function describeFiles(c: Collected, options: AssembleOptions): string {
  const info = c.captureInfo[0]?.value;
  const by = info?.capturedBy ? ` exported by ${info.capturedBy}` : '';
  const at = info?.capturedAt ? ` at ${info.capturedAt}` : '';
  return `Imported offline by ${options.capturedBy} from ${c.files.length} file(s)${by}${at}: ${c.files.map((file) => basename(file.file)).join(', ')}.`;
}
