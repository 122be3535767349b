import { z } from 'zod';

/**
 * Shapes of what Sentry's SCIM API sends, checked before anything is stored. They are lenient where
 * Sentry is (unknown attributes pass, `active` and `name` may be missing) and strict where the audit
 * depends on a value (`id`, `userName`, `displayName`, member `value`).
 */

const idSchema = z.union([z.string().min(1), z.number().int()]).transform(String);

export const scimUserSchema = z.looseObject({
  id: idSchema,
  userName: z.string().min(1),
  emails: z
    .array(z.looseObject({ value: z.string(), primary: z.boolean().optional(), type: z.string().nullish() }))
    .optional()
    .default([]),
  active: z.boolean().optional(),
  name: z.looseObject({ givenName: z.string().nullish(), familyName: z.string().nullish() }).optional(),
  sentryOrgRole: z.string().nullish()
});

export const scimGroupSchema = z.looseObject({
  id: idSchema,
  displayName: z.string(),
  members: z
    .array(z.looseObject({ value: idSchema, display: z.string().nullish() }))
    .optional()
    .default([])
});

export const listResponseSchema = z.looseObject({
  totalResults: z.number().int().nonnegative(),
  startIndex: z.number().int().optional(),
  itemsPerPage: z.number().int().optional(),
  Resources: z.array(z.unknown()).optional().default([])
});

export type ScimUserResource = z.infer<typeof scimUserSchema>;
export type ScimGroupResource = z.infer<typeof scimGroupSchema>;

/** Formats the first zod issue as `path: message` for an error that names the bad field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown validation problem';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
