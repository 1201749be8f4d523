import { type ExportedPublicKey, exportPublicKey, generateSigningKeys } from '../../core/evidence/signing';
import type { InspectorDatabase } from '../../stores/inspector-database';

const KEY_ID = 'installation';

/**
 * This installation's signing key, made on first need. The private key is
 * generated non-extractable and kept as a CryptoKey in the extension's
 * IndexedDB: it can sign bundles but no code, the extension's included, can
 * read it out. Two pages asking at once get the same key: the first stored wins.
 */
export async function installationKeys(db: InspectorDatabase): Promise<CryptoKeyPair> {
  const existing = await db.signingKeys.get(KEY_ID);
  if (existing && 'keys' in existing) return existing.keys;
  const fresh = await generateSigningKeys({ extractable: false });
  return db.transaction('rw', db.signingKeys, async () => {
    const stored = await db.signingKeys.get(KEY_ID);
    if (stored && 'keys' in stored) return stored.keys;
    await db.signingKeys.add({ id: KEY_ID, keys: fresh, createdAt: Date.now() });
    return fresh;
  });
}

export interface InstallationKeyView extends ExportedPublicKey {
  createdAt: number;
}

/** The public half and its fingerprint, for the options page. */
export async function describeInstallationKey(db: InspectorDatabase): Promise<InstallationKeyView> {
  const keys = await installationKeys(db);
  const record = await db.signingKeys.get(KEY_ID);
  return { ...(await exportPublicKey(keys.publicKey)), createdAt: record?.createdAt ?? Date.now() };
}

const REDACTION_KEY_ID = 'redaction';

/**
 * The key of one exported bundle's redactions (see redaction-scheme.ts):
 * HMAC-SHA-256 of `keyId` under the installation's redaction key, a
 * non-extractable HMAC key made on first need and kept beside the signing
 * key. The bundle names `keyId`; this installation alone can derive its key
 * again, to give the proof key of one credential to whoever must check it.
 */
export async function bundleRedactionKey(db: InspectorDatabase, keyId: string): Promise<Uint8Array> {
  const key = await installationRedactionKey(db);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(keyId)));
}

async function installationRedactionKey(db: InspectorDatabase): Promise<CryptoKey> {
  const existing = await db.signingKeys.get(REDACTION_KEY_ID);
  if (existing && 'key' in existing) return existing.key;
  const fresh = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
    'sign',
  ]);
  return db.transaction('rw', db.signingKeys, async () => {
    const stored = await db.signingKeys.get(REDACTION_KEY_ID);
    if (stored && 'key' in stored) return stored.key;
    await db.signingKeys.add({ id: REDACTION_KEY_ID, key: fresh, createdAt: Date.now() });
    return fresh;
  });
}
