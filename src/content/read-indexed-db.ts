import type { StorageEntry } from '../core/observations/storage-observation';

const MAX_DATABASES = 20;
const MAX_STORES = 20;
const MAX_RECORDS = 20;
const MAX_VALUE_CHARS = 4_096;

/**
 * A sample of the frame's IndexedDB: every database and object store by name,
 * and the first records of each, values as JSON cut to a bounded size. Opening
 * without a version never upgrades or changes the page's databases.
 */
export async function readIndexedDb(): Promise<StorageEntry[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
  const entries: StorageEntry[] = [];
  const databases = (await indexedDB.databases()).slice(0, MAX_DATABASES);
  for (const { name } of databases) {
    if (!name) continue;
    const db = await open(name);
    if (!db) continue;
    try {
      for (const store of [...db.objectStoreNames].slice(0, MAX_STORES)) {
        entries.push(...(await sampleStore(db, name, store)));
      }
    } finally {
      db.close();
    }
  }
  return entries;
}

function open(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      // The page wants to upgrade its schema: step aside rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(null);
    // The database vanished between listing and opening: creating it would change the page.
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      resolve(null);
    };
  });
}

function sampleStore(db: IDBDatabase, dbName: string, store: string): Promise<StorageEntry[]> {
  return new Promise((resolve) => {
    const transaction = db.transaction(store, 'readonly');
    const objectStore = transaction.objectStore(store);
    const keys = objectStore.getAllKeys(null, MAX_RECORDS);
    const values = objectStore.getAll(null, MAX_RECORDS);
    transaction.oncomplete = () =>
      resolve(
        keys.result.map((key, i) => {
          const value = stringify(values.result[i]);
          return {
            area: 'indexedDB',
            key: `${dbName}/${store}/${String(key)}`.slice(0, 1_024),
            value: value.slice(0, MAX_VALUE_CHARS),
            valueLength: value.length,
          };
        }),
      );
    transaction.onerror = () => resolve([]);
    transaction.onabort = () => resolve([]);
  });
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
