/** Contract schemas for capturing a snapshot as a job, and for opening snapshot files read-only. */
import { z } from 'zod';

/** Progress of one capture source, sent after every page and when the source ends. */
export const captureProgressEventSchema = z.object({
  jobId: z.string(),
  source: z.string(),
  state: z.enum(['running', 'done', 'unavailable', 'failed']),
  pages: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  apiTotal: z.number().int().nullable()
});
export type CaptureProgressEvent = z.infer<typeof captureProgressEventSchema>;

const jobErrorSchema = z.object({
  /** One of the contract's `IPC_ERROR_CODES`. */
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional()
});

/** The end of a capture job: exactly one per job id. Nothing is written unless `outcome` is `completed`. */
export const captureDoneEventSchema = z.discriminatedUnion('outcome', [
  z.object({ jobId: z.string(), outcome: z.literal('completed'), snapshotId: z.string() }),
  z.object({ jobId: z.string(), outcome: z.literal('cancelled') }),
  z.object({ jobId: z.string(), outcome: z.literal('failed'), error: jobErrorSchema })
]);
export type CaptureDoneEvent = z.infer<typeof captureDoneEventSchema>;

export const jobIdSchema = z.string().min(1).max(100);

/** Reason a snapshot file did not verify, with the store error code (`StoreErrorCode`). */
export const fileProblemSchema = z.object({ storeCode: z.string(), message: z.string() });

/**
 * The result of opening a snapshot file outside the workspace. `verified` is true only when every
 * hash in the file matched; a changed file is reported with its problem and no data.
 */
export const openFileResultSchema = z.discriminatedUnion('opened', [
  /** The save or open dialog was cancelled. */
  z.object({ opened: z.literal(false) }),
  z.object({
    opened: z.literal(true),
    path: z.string(),
    verified: z.boolean(),
    /** Set when verified: the id to pass to the audit, drift and export channels. */
    snapshotId: z.string().nullable(),
    problem: fileProblemSchema.nullable()
  })
]);
