import { randomBytes, randomInt } from 'node:crypto';

/** The identity a person signs in with when finishing a device-code sign-in. */
export interface SignedInUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

export interface DeviceCodeEntry {
  deviceCode: string;
  userCode: string;
  clientId: string;
  /** Resource prefix the client used in its scopes, e.g. `https://graph.microsoft.com/`; echoed in the token's `scope`. */
  resourcePrefix: string;
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  status: 'pending' | 'approved' | 'declined' | 'redeemed';
  permissions: string[];
  user: SignedInUser | null;
}

/** Lifetime Entra gives device codes (15 minutes), in seconds. */
export const DEVICE_CODE_LIFETIME_SECONDS = 900;

const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Pending device-code sign-ins, found by device code (client polling) or user code (the person signing in). */
export class DeviceCodeStore {
  private byDeviceCode = new Map<string, DeviceCodeEntry>();
  private byUserCode = new Map<string, DeviceCodeEntry>();

  create(clientId: string, scopes: string[], resourcePrefix: string): DeviceCodeEntry {
    const newCode = (): string => Array.from({ length: 9 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]).join('');
    let userCode = newCode();
    while (this.byUserCode.has(userCode)) userCode = newCode();

    const entry: DeviceCodeEntry = {
      deviceCode: randomBytes(48).toString('base64url'),
      userCode,
      clientId,
      resourcePrefix,
      scopes,
      expiresAt: Date.now() + DEVICE_CODE_LIFETIME_SECONDS * 1000,
      status: 'pending',
      permissions: [],
      user: null
    };
    this.byDeviceCode.set(entry.deviceCode, entry);
    this.byUserCode.set(userCode, entry);
    return entry;
  }

  byDevice(deviceCode: string): DeviceCodeEntry | undefined {
    return this.byDeviceCode.get(deviceCode);
  }

  /** Finds a sign-in by the code shown to the person; throws with the known codes listed when it does not exist. */
  byUser(userCode: string): DeviceCodeEntry {
    const entry = this.byUserCode.get(userCode.toUpperCase());
    if (!entry) {
      const known = [...this.byUserCode.keys()].join(', ') || 'none';
      throw new Error(`No device-code sign-in has user code '${userCode}' (known codes: ${known}); pass the code from the device code response.`);
    }
    return entry;
  }
}
