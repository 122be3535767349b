/** Connection profiles: list, save with secrets, delete, and test both sides. */
import type { Transport } from '../http/types';
import type { ParsedRequestOf, ResponseOf } from '../ipc/contract';
import type { IpcLogger } from '../ipc/dispatch';
import type { ConnectionProfileDto, ConnectionSideResult } from '../ipc/schemas/connections';
import { SECRET_NAMES } from '../ipc/schemas/connections';
import { testConnection } from './connection-test';
import { resolveSettings, type PortableSettings } from './credentials';
import { serviceError } from './errors';
import type { ProfileStore, StoredProfile } from './profile-store';
import { validateProfile } from './profile-validation';
import type { Emit } from './ports';
import type { SecretStore } from './secrets';

export class ConnectionService {
  constructor(
    private readonly profiles: ProfileStore,
    private readonly secrets: SecretStore,
    private readonly transport: () => Transport,
    private readonly logger: IpcLogger
  ) {}

  async list(): Promise<ResponseOf<'connections:list'>> {
    const stored = await this.profiles.list();
    return { profiles: await Promise.all(stored.map((profile) => this.toDto(profile))) };
  }

  async require(id: string): Promise<StoredProfile> {
    const profile = await this.profiles.get(id);
    if (profile) return profile;
    throw serviceError('not_found', `No connection with id ${id}. Refresh the connections list.`, { profileId: id });
  }

  /** Validates and stores the profile, then its secrets. An empty or absent secret keeps the stored one. */
  async save(input: ParsedRequestOf<'connections:save'>): Promise<ResponseOf<'connections:save'>> {
    const fields = validateProfile(input);
    if (input.id !== undefined) await this.require(input.id);

    const stored = await this.profiles.put(fields, input.id);
    for (const name of input.clearSecrets ?? []) await this.secrets.delete(stored.id, name);
    for (const name of SECRET_NAMES) {
      const value = input.secrets?.[name];
      if (value !== undefined && value !== '') await this.secrets.set(stored.id, name, value);
    }
    return this.toDto(stored);
  }

  async delete(id: string): Promise<ResponseOf<'connections:delete'>> {
    await this.require(id);
    await this.secrets.delete(id);
    await this.profiles.delete(id);
    return { deleted: id };
  }

  /** Resolves the settings a capture of profile `id` needs; raises `missing_secret` for a secret never entered. */
  async settingsFor(id: string): Promise<{ profile: StoredProfile; settings: PortableSettings }> {
    const profile = await this.require(id);
    const { missing: _missing, entraProblem: _entraProblem, ...settings } = await resolveSettings(profile, this.secrets);
    return { profile, settings };
  }

  async test(id: string, emit: Emit): Promise<ResponseOf<'connections:test'>> {
    const profile = await this.require(id);
    const { missing, entraProblem, ...settings } = await resolveSettings(profile, this.secrets, { allowMissing: true });

    const known: { entra?: ConnectionSideResult; sentry?: ConnectionSideResult } = {};
    if (entraProblem) {
      known.entra = { ok: false, code: 'invalid_settings', message: entraProblem.message, details: { clientId: profile.clientId, field: 'certificatePath' } };
    }
    if (missing.includes('clientSecret')) {
      known.entra = {
        ok: false,
        code: 'missing_secret',
        message: `Connection "${profile.name}" has no client secret for client id ${profile.clientId}. Enter it in Connections and save.`,
        details: { clientId: profile.clientId, secret: 'clientSecret' }
      };
    }
    if (missing.includes('scimToken')) {
      known.sentry = {
        ok: false,
        code: 'missing_secret',
        message: `Connection "${profile.name}" has no SCIM token. Copy the "Auth Token" from Sentry (Settings > Auth > SCIM Information) into Connections and save.`,
        details: { secret: 'scimToken' }
      };
    }

    const result = await testConnection(id, settings, this.transport(), (message) => emit('connections:deviceCode', { profileId: id, jobId: null, message }), known);

    // A failed side is returned as data, so it is logged here; messages name ids and hosts, never secrets.
    for (const [name, side] of [['entra', result.entra], ['sentry', result.sentry]] as const) {
      if (!side.ok) this.logger.warn('connection test failed', { profileId: id, side: name, code: side.code, message: side.message });
    }
    return result;
  }

  private async toDto(profile: StoredProfile): Promise<ConnectionProfileDto> {
    const [clientSecret, certificatePassphrase, scimToken] = await Promise.all(SECRET_NAMES.map((name) => this.secrets.has(profile.id, name)));
    return { ...profile, hasSecret: { clientSecret: clientSecret === true, certificatePassphrase: certificatePassphrase === true, scimToken: scimToken === true } };
  }
}
