import type { ReportClaim } from './claim-reporter';
import { boundedText } from './describe-values';
import type { PageRealm } from './page-realm';
import { toJson, toText } from './primordials';
import { replaceMethod, savedGetter } from './replace-method';

/** IndexedDB: which databases a script opens, and what it puts into their stores. */
export function hookIndexedDb(report: ReportClaim, realm: PageRealm): void {
  replaceMethod(realm.IDBFactory.prototype, 'open', (_self, args) => {
    report({
      type: 'indexeddb-write',
      op: 'open',
      database: boundedText(args[0], 1_024).text,
      store: '',
      key: '',
      value: '',
      valueLength: 0,
    });
  });
  const storeName = savedGetter(realm.IDBObjectStore.prototype, 'name');
  const keyPath = savedGetter(realm.IDBObjectStore.prototype, 'keyPath');
  const transaction = savedGetter(realm.IDBObjectStore.prototype, 'transaction');
  const database = savedGetter(realm.IDBTransaction.prototype, 'db');
  const databaseName = savedGetter(realm.IDBDatabase.prototype, 'name');
  const writes = ['put', 'add'] as const;
  for (let i = 0; i < writes.length; i++) {
    const op = writes[i] as (typeof writes)[number];
    replaceMethod(realm.IDBObjectStore.prototype, op, (self, args) => {
      const value = args[0];
      const key = args[1];
      const path = keyPath?.(self);
      const recordKey =
        key !== undefined
          ? key
          : typeof path === 'string' && typeof value === 'object' && value !== null
            ? (value as Record<string, unknown>)[path]
            : '';
      const serialized = serialize(value);
      report({
        type: 'indexeddb-write',
        op,
        database: boundedText(databaseName?.(database?.(transaction?.(self))) ?? '', 1_024).text,
        store: boundedText(storeName?.(self) ?? '', 1_024).text,
        key: boundedText(recordKey ?? '', 1_024).text,
        value: boundedText(serialized).text,
        valueLength: serialized.length,
      });
    });
  }
}

function serialize(value: unknown): string {
  if (typeof value === 'string') return value;
  const json = toJson(value);
  if (json !== undefined) return json;
  try {
    return toText(value);
  } catch {
    return '[a value that cannot be shown as text]';
  }
}
