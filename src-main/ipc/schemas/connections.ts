/**
 * Contract schemas for connection profiles: one Entra tenant and one Sentry org per profile.
 *
 * Secrets travel only from the renderer to main, inside `connections:save`. Replies carry `hasSecret`
 * flags instead, so no secret ever crosses back over IPC.
 */
import { z } from 'zod';

/** Entra sign-in method. `deviceCode` is the interactive sign-in for a person in this release. */
export const SIGN_IN_METHODS = ['clientSecret', 'certificate', 'deviceCode'] as const;
export const signInMethodSchema = z.enum(SIGN_IN_METHODS);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

/** The secrets a profile can hold, each kept by the secret store under the profile's id. */
export const SECRET_NAMES = ['clientSecret', 'certificatePassphrase', 'scimToken'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

const text = (max: number) => z.string().trim().max(max);

export const connectionProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  tenantId: z.string(),
  clientId: z.string(),
  signInMethod: signInMethodSchema,
  /** PEM file with the certificate and private key; set only for `certificate`. */
  certificatePath: z.string().nullable(),
  /** Exactly one of appId and appName names the Sentry enterprise app. */
  appId: z.string().nullable(),
  appName: z.string().nullable(),
  authorityHost: z.string(),
  graphUrl: z.string(),
  sentryScimUrl: z.string(),
  hasSecret: z.object({ clientSecret: z.boolean(), certificatePassphrase: z.boolean(), scimToken: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string()
});
export type ConnectionProfileDto = z.infer<typeof connectionProfileSchema>;

/** A secret field left out or sent empty keeps the stored secret; `clearSecrets` removes one on purpose. */
const secretInput = z.string().max(4096).optional();

export const saveConnectionRequestSchema = z.strictObject({
  /** Absent for a new profile. */
  id: z.string().min(1).max(100).optional(),
  name: text(100).min(1),
  tenantId: text(253).min(1),
  clientId: text(100).min(1),
  signInMethod: signInMethodSchema,
  certificatePath: text(4096).optional(),
  appId: text(100).optional(),
  appName: text(256).optional(),
  /** Empty or absent means the public cloud defaults, as in `roster fetch`. */
  authorityHost: text(2048).optional(),
  graphUrl: text(2048).optional(),
  sentryScimUrl: text(2048).min(1),
  secrets: z
    .strictObject({ clientSecret: secretInput, certificatePassphrase: secretInput, scimToken: secretInput })
    .optional(),
  clearSecrets: z.array(z.enum(SECRET_NAMES)).max(3).optional()
});

/** Why one side of `connections:test` failed; the renderer picks its text by this code. */
export const CONNECTION_TEST_FAILURES = [
  'missing_secret',
  'invalid_settings',
  'wrong_secret',
  'sign_in_failed',
  'graph_permission_missing',
  'app_not_found',
  'scim_unauthorized',
  'scim_not_enabled',
  'host_unreachable',
  'timeout',
  'unexpected'
] as const;
export const connectionTestFailureSchema = z.enum(CONNECTION_TEST_FAILURES);
export type ConnectionTestFailure = z.infer<typeof connectionTestFailureSchema>;

const sideResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** Facts the check read, e.g. the enterprise app name or the Sentry org slug. */
    summary: z.record(z.string(), z.union([z.string(), z.number()]))
  }),
  z.object({
    ok: z.literal(false),
    code: connectionTestFailureSchema,
    /** English text naming the value at fault and the fix. */
    message: z.string(),
    /** Facts for the translated message: clientId, permission, host, status. Never a secret. */
    details: z.record(z.string(), z.union([z.string(), z.number(), z.null()]))
  })
]);
export type ConnectionSideResult = z.infer<typeof sideResultSchema>;

export const connectionTestResultSchema = z.object({ profileId: z.string(), entra: sideResultSchema, sentry: sideResultSchema });
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

/** Entra's device code instruction, sent while a test or a capture waits for a person to sign in. */
export const deviceCodeEventSchema = z.object({ profileId: z.string(), jobId: z.string().nullable(), message: z.string() });
