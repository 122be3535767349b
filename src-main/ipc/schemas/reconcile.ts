/**
 * Schemas of the reconcile channels: plan, start, pause, resume, cancel and the journal's runs.
 *
 * Texts the renderer shows are built there from `action` and `params`, so they can be translated.
 * The domain's English sentences (`consequence`, `reason`) travel along for the journal view.
 */
import { z } from 'zod';
import { FINDING_KINDS, SEVERITIES } from '../../model/finding';

const id = z.string().min(1).max(400);
const findingKindSchema = z.enum(FINDING_KINDS);

export const reconcileOptionsSchema = z.strictObject({
  allowDeletes: z.boolean().default(false),
  allowOwnerChanges: z.boolean().default(false),
  recreateMismatched: z.boolean().default(false),
  /** Member deletions allowed in this run; null keeps the default threshold. */
  maxDeletes: z.number().int().min(0).max(100_000).nullable().default(null)
});

/** The findings to fix: the ids given, else every finding the Audit screen's filter shows, else all the plan can fix. */
export const reconcileSelectionSchema = {
  snapshotId: z.string().min(1).max(200),
  findingIds: z.array(id).max(100_000).default([]),
  filter: z
    .strictObject({
      kinds: z.array(findingKindSchema).max(FINDING_KINDS.length).default([]),
      severities: z.array(z.enum(SEVERITIES)).max(SEVERITIES.length).default([]),
      text: z.string().max(200).default('')
    })
    .optional(),
  options: reconcileOptionsSchema.default({ allowDeletes: false, allowOwnerChanges: false, recreateMismatched: false, maxDeletes: null })
};

export const reconcilePlanRequestSchema = z.strictObject(reconcileSelectionSchema);
export const reconcileStartRequestSchema = z.strictObject({ ...reconcileSelectionSchema, profileId: z.string().min(1).max(100) });

/** The toggle that would include a skipped item, by its option name. */
export const reconcileToggleSchema = z.enum(['allowDeletes', 'allowOwnerChanges', 'recreateMismatched']);
export type ReconcileToggleName = z.infer<typeof reconcileToggleSchema>;

const params = z.record(z.string(), z.string().nullable());

export const plannedOperationSchema = z.object({
  seq: z.number().int().positive(),
  kind: z.enum(['user.create', 'user.delete', 'user.set_role', 'team.create', 'team.add_member', 'team.remove_member', 'team.rename']),
  findingId: z.string(),
  findingKind: findingKindSchema,
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string(),
  /** The request body as JSON text, or null for a request without one. */
  body: z.string().nullable(),
  /** Names and roles the translated consequence needs, e.g. `userName`, `role`, `team`. */
  params,
  consequence: z.string()
});
export type PlannedOperationDto = z.infer<typeof plannedOperationSchema>;

export const SKIP_ACTIONS = ['deleteMember', 'recreateMember', 'createMember', 'changeRole', 'createTeam', 'renameTeam', 'fixFinding', 'other'] as const;
export const SKIP_CAUSES = [
  'deletesOff',
  'recreateOff',
  'ownerChangesOff',
  'lastOwner',
  'ownerNotCreatable',
  'ownerRoleNotAssignable',
  'ownerRoleUnchangeable',
  'userNameTooLong',
  'slugTaken',
  'slugInvalid',
  'noScimFix',
  'other'
] as const;

export const skippedItemSchema = z.object({
  findingId: z.string(),
  findingKind: findingKindSchema,
  action: z.enum(SKIP_ACTIONS),
  cause: z.enum(SKIP_CAUSES),
  params,
  toggle: reconcileToggleSchema.nullable(),
  description: z.string(),
  reason: z.string()
});
export type SkippedItemDto = z.infer<typeof skippedItemSchema>;

export const reconcilePlanSchema = z.object({
  snapshotId: z.string(),
  sentryBaseUrl: z.string(),
  selectedFindings: z.number().int().nonnegative(),
  options: reconcileOptionsSchema.required(),
  operations: z.array(plannedOperationSchema),
  skipped: z.array(skippedItemSchema),
  /** Members whose userName differs from what Entra sends; Sentry cannot rename them. */
  advice: z.array(
    z.object({
      findingId: z.string(),
      memberUserName: z.string(),
      entraValue: z.string(),
      alternativeSource: z.string().nullable(),
      recreatePlanned: z.boolean()
    })
  ),
  /** Group members that belong in a new team but are not Sentry members yet. */
  pendingMembers: z.array(z.object({ member: z.string(), team: z.string() })),
  otherNotes: z.array(z.string()),
  deletions: z.object({
    count: z.number().int().nonnegative(),
    threshold: z.number().int().nonnegative(),
    thresholdSource: z.enum(['default', 'run']),
    defaultThreshold: z.number().int().nonnegative(),
    memberCount: z.number().int().nonnegative()
  }),
  /** True when the plan deletes more members than the threshold allows; it cannot start then. */
  rejected: z.boolean(),
  /** Connection profiles that can send it; `matches` marks those whose SCIM URL is the snapshot's. */
  profiles: z.array(z.object({ id: z.string(), name: z.string(), sentryScimUrl: z.string(), matches: z.boolean(), hasScimToken: z.boolean() }))
});
export type ReconcilePlanDto = z.infer<typeof reconcilePlanSchema>;

const operationStateSchema = z.enum(['planned', 'pending', 'done', 'skipped', 'failed']);

export const runOperationSchema = plannedOperationSchema.extend({
  state: operationStateSchema,
  httpStatus: z.number().int().nullable(),
  /** Reason for a skip or failure, or the state Sentry already had, in the journal's English. */
  reason: z.string().nullable(),
  responseSummary: z.string().nullable(),
  verified: z.boolean().nullable(),
  verificationNote: z.string().nullable()
});
export type RunOperationDto = z.infer<typeof runOperationSchema>;

export const reconcileRunSchema = z.object({
  id: z.string(),
  snapshotId: z.string(),
  sentryBaseUrl: z.string(),
  runBy: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** The journal's state; a run left `running` by a closed app is not `active`. */
  state: z.enum(['running', 'completed', 'cancelled']),
  active: z.boolean(),
  paused: z.boolean(),
  /** True when operations are left to send or retry: pending, planned or failed ones. */
  unfinished: z.boolean(),
  counts: z.record(operationStateSchema, z.number().int().nonnegative()),
  verificationSnapshotId: z.string().nullable(),
  operations: z.array(runOperationSchema)
});
export type ReconcileRunDto = z.infer<typeof reconcileRunSchema>;

export const runIdRequestSchema = z.strictObject({ runId: z.string().min(1).max(200) });

export const reconcileProgressEventSchema = z.object({
  runId: z.string(),
  type: z.enum(['run', 'started', 'finished', 'paused', 'resumed', 'verifying']),
  position: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  seq: z.number().int().positive().nullable(),
  state: operationStateSchema.nullable(),
  httpStatus: z.number().int().nullable(),
  reason: z.string().nullable()
});
export type ReconcileProgressEvent = z.infer<typeof reconcileProgressEventSchema>;

export const reconcileFinishedEventSchema = z.object({
  runId: z.string(),
  outcome: z.enum(['completed', 'cancelled', 'failed']),
  /** The run as the journal stores it at the end, with verification when it ran. */
  run: reconcileRunSchema.nullable(),
  /** Cause of a failed or stopped run or verification, without secrets. */
  error: z.object({ code: z.string(), message: z.string() }).nullable()
});
export type ReconcileFinishedEvent = z.infer<typeof reconcileFinishedEventSchema>;
