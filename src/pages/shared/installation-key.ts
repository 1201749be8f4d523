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
  if (existing) return existing.keys;
  const fresh = await generateSigningKeys({ extractable: false });
  return db.transaction('rw', db.signingKeys, async () => {
    const stored = await db.signingKeys.get(KEY_ID);
    if (stored) return stored.keys;
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
