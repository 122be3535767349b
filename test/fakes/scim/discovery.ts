import type { ScimRequest } from './context';
import { ErrorBodies, type FakeResponse } from './errors';
import { listEnvelope } from './query';
import { GROUP_SCHEMA, USER_SCHEMA } from './resources';

/**
 * The SCIM discovery endpoints of current Sentry: `/ServiceProviderConfig`, `/ResourceTypes[/{name}]`
 * and `/Schemas[/{uri}]`. Older Sentry did not route the first two at all.
 *
 * NOTE: the attribute descriptions in `/Schemas` and the authentication scheme description are
 * paraphrases. Names, types, mutability, uniqueness and the other RFC 7643 characteristics match Sentry's.
 */

const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/** Sentry's own URL, which it uses in `meta.location` whatever host the request came to. */
export const SENTRY_URL = 'https://sentry.io';

/** Discovery errors exist only in code that already sends `status`, so they always use the newest format. */
const discoveryErrors = new ErrorBodies('newest');

/** Handles a discovery route; `rest` is the path after `/scim/v2/`. */
export function handleDiscovery(request: ScimRequest, orgSlug: string, rest: string): FakeResponse {
  if (request.method !== 'GET') return discoveryErrors.scim(405, `Method "${request.method}" not allowed.`);
  if (request.query.has('filter')) return discoveryErrors.scim(403, 'Filtering is not supported on this endpoint.');

  const base = `${SENTRY_URL}/api/0/organizations/${orgSlug}/scim/v2`;
  const [collection, name] = rest.split('/') as [string, string | undefined];

  if (collection === 'ServiceProviderConfig') return { status: 200, body: serviceProviderConfig(base) };

  if (collection === 'ResourceTypes') {
    const types = resourceTypes(base);
    if (name === undefined) return { status: 200, body: listEnvelope(types, types.length, 1) };
    const found = types.find((type) => type.name === name);
    return found ? { status: 200, body: found } : discoveryErrors.scim(404, 'Resource type not found.');
  }

  const schemas = schemaDefinitions(base);
  if (name === undefined) return { status: 200, body: listEnvelope(schemas, schemas.length, 1) };
  const found = schemas.find((schema) => schema.id === name);
  return found ? { status: 200, body: found } : discoveryErrors.scim(404, 'Schema not found.');
}

function serviceProviderConfig(base: string): Record<string, unknown> {
  return {
    schemas: [SPC_SCHEMA],
    documentationUri: 'https://docs.sentry.io/organization/authentication/sso/',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 100 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Bearer token authentication (RFC 6750) with the SCIM token Sentry generated for the organization.',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true
      }
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` }
  };
}

function resourceTypes(base: string): Array<Record<string, unknown> & { name: string }> {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      description: 'SCIM User maps to Sentry Organization Member',
      endpoint: '/Users',
      schema: USER_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` }
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      description: 'SCIM Group maps to Sentry Team',
      endpoint: '/Groups',
      schema: GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` }
    }
  ];
}

interface Attribute {
  name: string;
  type: string;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact?: boolean;
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: Attribute[];
  mutability: string;
  returned: string;
  uniqueness?: string;
}

function text(name: string, description: string, mutability: string, extra: Partial<Attribute> = {}): Attribute {
  return { name, type: 'string', multiValued: false, description, required: false, caseExact: false, mutability, returned: 'default', uniqueness: 'none', ...extra };
}

function schemaDefinitions(base: string): Array<Record<string, unknown> & { id: string }> {
  const userAttributes: Attribute[] = [
    text('userName', 'The member e-mail address; set at creation only, because Sentry does not rename members.', 'immutable', { required: true, uniqueness: 'server' }),
    {
      name: 'emails',
      type: 'complex',
      multiValued: true,
      description: 'The member e-mail address, derived from userName.',
      required: false,
      subAttributes: [
        text('value', 'The e-mail address.', 'readOnly'),
        text('display', 'A display form of the address.', 'readOnly'),
        text('type', "The address kind, such as 'work'.", 'readOnly', { canonicalValues: ['work', 'home', 'other'] }),
        { name: 'primary', type: 'boolean', multiValued: false, description: 'Whether this is the primary address.', required: false, mutability: 'readOnly', returned: 'default' }
      ],
      mutability: 'readOnly',
      returned: 'default',
      uniqueness: 'none'
    },
    { name: 'active', type: 'boolean', multiValued: false, description: 'Setting it to false deletes the member.', required: false, mutability: 'readWrite', returned: 'default' },
    {
      name: 'name',
      type: 'complex',
      multiValued: false,
      description: 'Not stored by Sentry; returned as N/A for compatibility.',
      required: false,
      subAttributes: [text('familyName', 'Always N/A.', 'readOnly'), text('givenName', 'Always N/A.', 'readOnly')],
      mutability: 'readOnly',
      returned: 'default',
      uniqueness: 'none'
    }
  ];

  const groupAttributes: Attribute[] = [
    text('displayName', 'The team name; the team slug is derived from it.', 'readWrite', { uniqueness: 'server' }),
    {
      name: 'members',
      type: 'complex',
      multiValued: true,
      description: 'The members of the team.',
      required: false,
      subAttributes: [
        text('value', 'The member id.', 'immutable'),
        text('$ref', 'The URI of the member resource.', 'readOnly', { type: 'reference', referenceTypes: ['User'] })
      ],
      mutability: 'readWrite',
      returned: 'default'
    }
  ];

  return [
    { id: USER_SCHEMA, name: 'User', description: 'SCIM User maps to Sentry Organization Member', attributes: userAttributes },
    { id: GROUP_SCHEMA, name: 'Group', description: 'SCIM Group maps to Sentry Team', attributes: groupAttributes }
  ].map((schema) => ({
    schemas: [SCHEMA_SCHEMA],
    ...schema,
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${schema.id}` }
  }));
}
