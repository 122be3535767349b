import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSink, createLogger } from '../../src-main/electron/log/logger';
import { redactText, redactValue } from '../../src-main/electron/log/redact';

// Built from parts so the file itself contains no credential-shaped literal.
const JWT = ['eyJhbGciOiJSUzI1NiJ9', 'eyJzdWIiOiJhdWRpdG9yIn0', 'c2lnbmF0dXJlLXZhbHVl'].join('.');
const SECRET = 'Zq8~sEcReT-vAlUe.123';
const SENTRY_TOKEN = ['sntrys', 'eyJpYXQiOjE3MDAwMDAwMDB9_abcDEF123'].join('_');

function captureLogger() {
  const lines: string[] = [];
  const logger = createLogger({ sink: (line) => lines.push(line), minLevel: 'debug', now: () => new Date('2026-01-31T12:00:00Z') });
  return { lines, logger };
}

describe('redactText', () => {
  it.each([
    ['Authorization header', `Authorization: Bearer ${SECRET}`],
    ['lowercase header in JSON', `{"authorization":"Bearer ${SECRET}"}`],
    ['bare bearer token', `sent bearer ${SECRET} to graph`],
    ['client_secret form value', `grant_type=client_credentials&client_secret=${SECRET}&scope=x`],
    ['client_assertion form value', `client_assertion=${JWT}&client_assertion_type=jwt-bearer`],
    ['scimToken JSON value', `{"scimToken": "${SECRET}"}`],
    ['JWT in prose', `token was ${JWT} (expired)`],
    ['Sentry org token', `using ${SENTRY_TOKEN} for SCIM`]
  ])('removes %s', (_name, input) => {
    const output = redactText(input);
    expect(output).toContain('[REDACTED]');
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain(JWT);
    expect(output).not.toContain(SENTRY_TOKEN.slice(7));
  });

  it('keeps ordinary text and hashes', () => {
    const text = 'snapshot 20260131-142501-3fa9c2 sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(redactText(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it('replaces values under sensitive keys', () => {
    const output = redactValue({
      headers: { Authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      clientSecret: SECRET,
      scim_token: SECRET,
      tenantId: 'contoso'
    }) as Record<string, Record<string, unknown> | unknown>;

    expect(JSON.stringify(output)).not.toContain(SECRET);
    expect(output).toMatchObject({ tenantId: 'contoso', clientSecret: '[REDACTED]', scim_token: '[REDACTED]' });
    expect(output.headers).toMatchObject({ Authorization: '[REDACTED]', 'content-type': 'application/json' });
  });

  it('redacts Error messages, stacks and causes', () => {
    const cause = new Error(`upstream said client_secret=${SECRET}`);
    const error = new Error(`request failed with Authorization: Bearer ${SECRET}`, { cause });
    const output = JSON.stringify(redactValue({ error }));
    expect(output).not.toContain(SECRET);
    expect(output).toContain('request failed');
  });

  it('redacts Headers and Map entries', () => {
    const headers = new Headers({ authorization: `Bearer ${SECRET}`, accept: 'application/scim+json' });
    const output = JSON.stringify(redactValue({ headers, map: new Map([['token', SECRET]]) }));
    expect(output).not.toContain(SECRET);
    expect(output).toContain('application/scim+json');
  });

  it('survives cycles', () => {
    const node: Record<string, unknown> = { name: 'a' };
    node.self = node;
    expect(redactValue(node)).toEqual({ name: 'a', self: '[Circular]' });
  });
});

describe('createLogger', () => {
  it('redacts message and fields before the sink', () => {
    const { lines, logger } = captureLogger();
    logger.child('graph').error(`token request failed: client_secret=${SECRET}`, { jwt: JWT, body: `assertion ${JWT}` });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('ERROR [main:graph] token request failed');
    expect(lines[0]).not.toContain(SECRET);
    expect(lines[0]).not.toContain(JWT);
  });

  it('drops lines below the minimum level', () => {
    const lines: string[] = [];
    const logger = createLogger({ sink: (line) => lines.push(line), minLevel: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('shown');
  });
});

describe('createFileSink', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('writes redacted lines and rotates', () => {
    dir = mkdtempSync(join(tmpdir(), 'roster-log-'));
    const { sink, filePath } = createFileSink(dir, { maxBytes: 300 });
    const logger = createLogger({ sink });

    for (let i = 0; i < 5; i += 1) {
      logger.info(`call ${i}`, { authorization: `Bearer ${SECRET}` });
    }

    const current = readFileSync(filePath, 'utf8');
    const rotated = readFileSync(join(dir, 'main.1.log'), 'utf8');
    expect(current).toContain('call 4');
    expect(rotated).toContain('call');
    expect(current + rotated).not.toContain(SECRET);
  });
});
