import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../src-main/electron/external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/',
    'https://docs.sentry.io/organization/authentication/sso/azure-sso/',
    'https://github.com/'
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://learn.microsoft.com/'],
    ['lookalike host', 'https://learn.microsoft.com.evil.example/'],
    ['subdomain', 'https://evil.docs.sentry.io/'],
    ['credentials', 'https://user:pass@github.com/'],
    ['custom port', 'https://github.com:8443/'],
    ['file URL', 'file:///etc/passwd'],
    ['javascript URL', 'javascript:alert(1)'],
    ['not a URL', 'docs.sentry.io'],
    ['other site', 'https://example.com/']
  ])('rejects %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
