/** Contract schemas for audit results kept in main and queried a page at a time. */
import { z } from 'zod';
import { FINDING_KINDS, SEVERITIES } from '../../model/finding';

export const findingKindSchema = z.enum(FINDING_KINDS);
export const severitySchema = z.enum(SEVERITIES);

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const entraRefSchema = z.object({
  type: z.enum(['user', 'group']),
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string().nullable().optional(),
  mail: z.string().nullable().optional(),
  accountEnabled: z.boolean().nullable().optional(),
  matchValue: z.string().nullable().optional(),
  slug: z.string().nullable().optional()
});

const sentryRefSchema = z.object({
  type: z.enum(['user', 'team']),
  id: z.string(),
  userName: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  slug: z.string().nullable().optional(),
  sentryOrgRole: z.string().nullable().optional()
});

/** A finding as the domain defines it (`src-main/model/finding.ts`), texts in the requested language. */
export const findingSchema = z.object({
  id: z.string(),
  kind: findingKindSchema,
  severity: severitySchema,
  entra: z.array(entraRefSchema),
  sentry: z.array(sentryRefSchema),
  attribute: z.object({ name: z.string(), entraValue: z.string().nullable(), sentryValue: z.string().nullable() }).nullable(),
  details: z.record(z.string(), scalar),
  explanation: z.string(),
  recommendedAction: z.string(),
  lastProvisioningEvent: z
    .object({ activityDateTime: z.string(), provisioningAction: z.string(), status: z.string(), errorCode: z.string().nullable() })
    .nullable()
});

export const auditSummarySchema = z.object({
  snapshotId: z.string(),
  previousId: z.string().nullable(),
  auditedAt: z.string(),
  findingCount: z.number().int().nonnegative(),
  countsByKind: z.record(z.string(), z.number().int().nonnegative()),
  countsBySeverity: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int(), info: z.number().int() }),
  matching: z.object({ targetAttribute: z.string(), sourceAttribute: z.string(), origin: z.enum(['schema', 'default', 'override']) }),
  population: z.object({
    inScopeUsers: z.number().int(),
    assignedGroups: z.number().int(),
    sentryMembers: z.number().int(),
    sentryTeams: z.number().int()
  }),
  warnings: z.array(z.string())
});

export const FINDING_SORT_COLUMNS = ['severity', 'kind', 'entra', 'sentry', 'attribute', 'id'] as const;

const pageRequest = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const findingsRequestSchema = z.strictObject({
  snapshotId: z.string().min(1).max(200),
  ...pageRequest,
  sort: z
    .strictObject({ column: z.enum(FINDING_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
    .default({ column: 'severity', direction: 'asc' }),
  filter: z
    .strictObject({
      kinds: z.array(findingKindSchema).max(FINDING_KINDS.length).default([]),
      severities: z.array(severitySchema).max(SEVERITIES.length).default([]),
      /** Case-insensitive; matched against the kind, ids, names, UPNs, mails, slugs and attribute values. */
      text: z.string().max(200).default('')
    })
    .default({ kinds: [], severities: [], text: '' })
});

/** One Entra or Sentry object with every captured attribute, for the side-by-side view. */
export const sideObjectSchema = z.object({
  type: z.string(),
  id: z.string(),
  attributes: z.record(z.string(), scalar)
});

export const findingDetailSchema = z.object({
  finding: findingSchema,
  entra: z.array(sideObjectSchema),
  sentry: z.array(sideObjectSchema),
  /** Attribute names whose values differ between the first Entra and the first Sentry object. */
  differingAttributes: z.array(z.string())
});

export const teamMemberRowSchema = z.object({
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  slug: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  member: z.string(),
  entraUserId: z.string().nullable(),
  sentryMemberId: z.string().nullable(),
  status: z.enum(['in_both', 'missing_in_sentry', 'extra_in_sentry'])
});

export const teamsRequestSchema = z.strictObject({
  snapshotId: z.string().min(1).max(200),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(1000),
  statuses: z.array(z.enum(['in_both', 'missing_in_sentry', 'extra_in_sentry'])).max(3).default([]),
  text: z.string().max(200).default('')
});

export const whatIfSchema = z.object({
  snapshotId: z.string(),
  candidates: z.array(
    z.object({
      sourceAttribute: z.string(),
      link: z.number().int(),
      create: z.number().int(),
      duplicate: z.number().int(),
      skip: z.number().int(),
      orphaned: z.number().int(),
      current: z.boolean()
    })
  )
});

const DIFF_OBJECT_TYPES = ['user', 'group', 'assignment', 'membership', 'member', 'team', 'teamMembership', 'provisioningJob'] as const;
const DIFF_CHANGES = ['added', 'removed', 'changed'] as const;

export const driftRequestSchema = z.strictObject({
  fromId: z.string().min(1).max(200),
  toId: z.string().min(1).max(200),
  ...pageRequest,
  filter: z
    .strictObject({
      sides: z.array(z.enum(['entra', 'sentry'])).max(2).default([]),
      objectTypes: z.array(z.enum(DIFF_OBJECT_TYPES)).max(DIFF_OBJECT_TYPES.length).default([]),
      changes: z.array(z.enum(DIFF_CHANGES)).max(3).default([]),
      text: z.string().max(200).default('')
    })
    .default({ sides: [], objectTypes: [], changes: [], text: '' })
});

export const driftResponseSchema = z.object({
  fromId: z.string(),
  toId: z.string(),
  total: z.number().int().nonnegative(),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  rows: z.array(
    z.object({
      side: z.enum(['entra', 'sentry']),
      objectType: z.enum(DIFF_OBJECT_TYPES),
      objectId: z.string(),
      displayName: z.string().nullable(),
      change: z.enum(DIFF_CHANGES),
      attribute: z.string().nullable(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable()
    })
  )
});
