import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScimFake, type ScimFake } from './index';
import { call, smallSeed, type CallResult } from './fixtures';

/**
 * Checks the fake against Sentry's published OpenAPI description of the SCIM endpoints: every documented
 * operation and status is produced, and every body the fake sends validates against the documented schema.
 * Where Sentry's server code differs from the description, a test below names the difference and asserts
 * what the code does.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const openApiPath = path.resolve(repoRoot, '..', 'shared', 'reference', 'sentry-scim-openapi.json');

interface OperationDoc {
  requestBody?: { content: { 'application/json': { schema: object } } };
  responses: Record<string, { content?: { 'application/json': { schema: object } } }>;
}
type PathsDoc = Record<string, Record<string, OperationDoc>>;

function loadPaths(): PathsDoc {
  if (!existsSync(openApiPath)) {
    throw new Error(`Sentry's SCIM OpenAPI file is missing at ${openApiPath}; restore shared/reference/sentry-scim-openapi.json next to the repository.`);
  }
  const document = JSON.parse(readFileSync(openApiPath, 'utf8')) as { paths?: PathsDoc } & PathsDoc;
  // The stored file contains only the `paths` map, not a whole OpenAPI document.
  return document.paths ?? document;
}

const PREFIX = '/api/0/organizations/{organization_id_or_slug}/scim/v2';
const TEMPLATES = {
  users: `${PREFIX}/Users`,
  user: `${PREFIX}/Users/{member_id}`,
  groups: `${PREFIX}/Groups`,
  group: `${PREFIX}/Groups/{team_id_or_slug}`
} as const;

function templateOf(relativePath: string): string {
  const pathOnly = relativePath.split('?')[0]!;
  if (/^\/Users\/\d+$/.test(pathOnly)) return TEMPLATES.user;
  if (/^\/Groups\/\d+$/.test(pathOnly)) return TEMPLATES.group;
  if (pathOnly === '/Users') return TEMPLATES.users;
  if (pathOnly === '/Groups') return TEMPLATES.groups;
  throw new Error(`No OpenAPI path template for ${relativePath}; add one to templateOf.`);
}

interface Exchange {
  operation: string;
  status: number;
  body: unknown;
}

const paths = loadPaths();
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

function validatorFor(schema: object, key: string): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = ajv.compile(schema)));
  return validate;
}

function responseSchema(operation: string, status: number): object | undefined {
  const [method, template] = operation.split(' ') as [string, string];
  return paths[template]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json'].schema;
}

function requestSchema(method: string, template: string): object {
  const schema = paths[template]?.[method.toLowerCase()]?.requestBody?.content['application/json'].schema;
  if (!schema) throw new Error(`The OpenAPI file documents no request body for ${method} ${template}.`);
  return schema;
}

function documentedStatuses(): string[] {
  const keys: string[] = [];
  for (const [template, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const status of Object.keys(operation.responses)) keys.push(`${method.toUpperCase()} ${template} ${status}`);
    }
  }
  return keys.sort();
}

let fake: ScimFake;
const exchanges: Exchange[] = [];

async function exchange(method: string, relativePath: string, options: Parameters<typeof call>[3] = {}): Promise<CallResult> {
  const result = await call(fake, method, relativePath, options);
  exchanges.push({ operation: `${method} ${templateOf(relativePath)}`, status: result.status, body: result.body });
  return result;
}

const okta = smallSeed('okta');
const patchBody = (operations: unknown[]) => ({ body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: operations } });

describe('OpenAPI contract', () => {
  beforeAll(async () => {
    fake = await startScimFake(okta);

    // Every documented success and failure status, in an order that keeps the needed data alive.
    await exchange('GET', '/Users?startIndex=1&count=2');
    await exchange('GET', `/Users?filter=${encodeURIComponent('userName eq "alice@example.com"')}`);
    await exchange('POST', '/Users', { body: { userName: 'erin@example.com', sentryOrgRole: 'billing' } });
    await exchange('GET', '/Users/101');
    await exchange('GET', '/Users/999');
    await exchange('PATCH', '/Users/103', { body: { Operations: [{ op: 'replace', path: 'active', value: false }] } });
    await exchange('PATCH', '/Users/100', { body: { Operations: [{ op: 'replace', path: 'active', value: false }] } });
    await exchange('PATCH', '/Users/999', { body: { Operations: [] } });
    await exchange('DELETE', '/Users/104');
    await exchange('DELETE', '/Users/100');
    await exchange('DELETE', '/Users/104');

    await exchange('GET', '/Groups');
    await exchange('GET', '/Groups?excludedAttributes=members');
    await exchange('POST', '/Groups', { body: { displayName: 'Data Science' } });
    await exchange('GET', '/Groups/200');
    await exchange('GET', '/Groups/999');
    await exchange('PATCH', '/Groups/200', patchBody([{ op: 'add', path: 'members', value: [{ value: '102' }] }]));
    await exchange('PATCH', '/Groups/999', patchBody([]));
    await exchange('DELETE', '/Groups/201');
    await exchange('DELETE', '/Groups/201');

    for (const [relativePath, method] of [
      ['/Users', 'GET'],
      ['/Users', 'POST'],
      ['/Users/101', 'GET'],
      ['/Users/101', 'PATCH'],
      ['/Users/101', 'DELETE'],
      ['/Groups', 'GET'],
      ['/Groups', 'POST'],
      ['/Groups/200', 'GET'],
      ['/Groups/200', 'PATCH'],
      ['/Groups/200', 'DELETE']
    ] as const) {
      await exchange(method, relativePath, { token: 'not-the-token', body: {} });
    }
    fake.service.scimEnabled = false;
    for (const [relativePath, method] of [
      ['/Users', 'GET'],
      ['/Users', 'POST'],
      ['/Users/101', 'GET'],
      ['/Users/101', 'PATCH'],
      ['/Users/101', 'DELETE'],
      ['/Groups', 'GET'],
      ['/Groups', 'POST'],
      ['/Groups/200', 'GET'],
      ['/Groups/200', 'PATCH'],
      ['/Groups/200', 'DELETE']
    ] as const) {
      await exchange(method, relativePath, { body: {} });
    }
    fake.service.scimEnabled = true;
    // Unknown organization: the 404 the list and create operations document.
    for (const method of ['GET', 'POST'] as const) {
      const result = await call(fake, method, '/api/0/organizations/globex/scim/v2/Users', { body: {} });
      exchanges.push({ operation: `${method} ${TEMPLATES.users}`, status: result.status, body: result.body });
      const groups = await call(fake, method, '/api/0/organizations/globex/scim/v2/Groups', { body: { displayName: 'x' } });
      exchanges.push({ operation: `${method} ${TEMPLATES.groups}`, status: groups.status, body: groups.body });
    }
  });

  afterAll(async () => {
    await fake.close();
  });

  it('produces every documented operation and status', () => {
    const produced = new Set(exchanges.map((e) => `${e.operation} ${e.status}`));

    const missing = documentedStatuses().filter((key) => !produced.has(key));

    expect(missing).toEqual([]);
  });

  it('sends bodies that validate against the documented schemas', () => {
    const failures: string[] = [];
    const validated: string[] = [];

    for (const sample of exchanges) {
      const schema = responseSchema(sample.operation, sample.status);
      if (!schema) continue;
      const validate = validatorFor(schema, `${sample.operation} ${sample.status}`);
      if (!validate(sample.body)) failures.push(`${sample.operation} ${sample.status}: ${ajv.errorsText(validate.errors)}`);
      validated.push(`${sample.operation.replace(PREFIX, '')} ${sample.status}`);
    }

    expect(failures).toEqual([]);
    expect(validated).toEqual([
      'GET /Users 200',
      'GET /Users 200',
      'POST /Users 201',
      'GET /Users/{member_id} 200',
      'GET /Groups 200',
      'GET /Groups 200',
      'POST /Groups 201',
      'GET /Groups/{team_id_or_slug} 200'
    ]);
  });

  it('has schemas strict enough to fail a wrong body', () => {
    const validate = validatorFor(responseSchema(`GET ${TEMPLATES.user}`, 200)!, 'user');
    const { sentryOrgRole: _role, ...withoutRole } = exchanges.find((e) => e.operation === `GET ${TEMPLATES.user}` && e.status === 200)!.body as Record<string, unknown>;

    expect(validate(withoutRole)).toBe(false);
    expect(ajv.errorsText(validate.errors)).toBe("data must have required property 'sentryOrgRole'");
  });

  it('sends no body where the description documents none', () => {
    const emptySuccesses = exchanges.filter((e) => e.status === 204).map((e) => e.body);

    expect(emptySuccesses).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('uses only documented statuses apart from the named differences', () => {
    const documented = new Set(documentedStatuses());

    const undocumented = [...new Set(exchanges.map((e) => `${e.operation} ${e.status}`).filter((key) => !documented.has(key)))].sort();

    // The last-owner 403 of PATCH /Users/{id} is documented, so every status here must be too.
    expect(undocumented).toEqual([]);
  });
});

describe('differences between Sentry code and the OpenAPI description', () => {
  useFreshFake();

  it('PUT /Users/{id} is undocumented and answers 200 with the member', async () => {
    expect(paths[TEMPLATES.user]?.put).toBeUndefined();

    const result = await call(fake, 'PUT', '/Users/101', { body: { sentryOrgRole: 'manager' } });

    expect(result.status).toBe(200);
    const validate = validatorFor(responseSchema(`GET ${TEMPLATES.user}`, 200)!, 'user');
    expect(validate(result.body)).toBe(true);
    expect(result.body).toMatchObject({ id: '101', sentryOrgRole: 'manager' });
  });

  it('PATCH /Users/{id} with no operations answers 200, not the documented 204', async () => {
    expect(Object.keys(paths[TEMPLATES.user]?.patch?.responses ?? {})).not.toContain('200');

    const result = await call(fake, 'PATCH', '/Users/101', { body: { Operations: [] } });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: '101', userName: 'alice@example.com' });
  });

  it('leaves active out for Entra orgs although the documented example shows it', async () => {
    const entra = await startScimFake(smallSeed('active-directory'));

    try {
      const result = await call(entra, 'GET', '/Users/101');

      expect(result.body).not.toHaveProperty('active');
      expect(validatorFor(responseSchema(`GET ${TEMPLATES.user}`, 200)!, 'user')(result.body)).toBe(true);
    } finally {
      await entra.close();
    }
  });

  it('routes only digit team ids although the path names team_id_or_slug', async () => {
    expect(paths[TEMPLATES.group]).toBeDefined();

    const result = await call(fake, 'GET', '/Groups/platform-team');

    expect(result.status).toBe(404);
    expect(typeof result.body).toBe('string');
  });

  it('honours count above the documented maximum of 100', async () => {
    const documented = JSON.stringify(paths[TEMPLATES.users]?.get);
    expect(documented).toContain('maximum of 100');
    const users = Array.from({ length: 120 }, (_, i) => ({ id: String(i + 1), userName: `u${i + 1}@example.com`, sentryOrgRole: i === 0 ? 'owner' : 'member' }));
    const large = await startScimFake({ ...smallSeed(), users, groups: [] });

    try {
      const result = await call(large, 'GET', '/Users?count=110');

      expect(result.body).toMatchObject({ itemsPerPage: 110, totalResults: 120 });
    } finally {
      await large.close();
    }
  });

  it('accepts sentryOrgRole in any case although the documented enum is lower-case', async () => {
    const validateRequest = validatorFor(requestSchema('POST', TEMPLATES.users), 'post-user-request');
    const body = { userName: 'frank@example.com', sentryOrgRole: 'mAnaGer' };
    expect(validateRequest(body)).toBe(false);

    const result = await call(fake, 'POST', '/Users', { body });

    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ sentryOrgRole: 'manager' });
  });

  it('accepts list values in member operations', async () => {
    const validateRequest = validatorFor(requestSchema('PATCH', TEMPLATES.group), 'patch-group-request');
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'members', value: [{ value: '101' }] }] };
    expect(validateRequest(body)).toBe(false);

    const result = await call(fake, 'PATCH', '/Groups/201', { body });

    expect(result.status).toBe(204);
  });

  it('answers undocumented 400, 409 and 429 statuses with Sentry bodies', async () => {
    fake.faults.set({ tooManyRequests: { remaining: 1, retryAfterSeconds: null } });
    const limited = await call(fake, 'GET', '/Users');
    const badRole = await call(fake, 'POST', '/Users', { body: { userName: 'gina@example.com', sentryOrgRole: 'owner' } });
    const duplicate = await call(fake, 'POST', '/Users', { body: { userName: 'alice@example.com' } });

    for (const [result, status] of [[limited, 429], [badRole, 400], [duplicate, 409]] as const) {
      expect(result.status).toBe(status);
      expect(Object.keys(paths[TEMPLATES.users]?.[status === 429 ? 'get' : 'post']?.responses ?? {})).not.toContain(String(status));
    }
    expect(duplicate.body).toMatchObject({ scimType: 'uniqueness', status: '409' });
  });
});

function useFreshFake(): void {
  beforeAll(async () => {
    fake = await startScimFake(smallSeed('okta'));
  });
  afterAll(async () => {
    await fake.close();
  });
}
