import type { ReportClaim } from './claim-reporter';
import { boundedText } from './describe-values';
import { replaceMethod, savedGetter } from './replace-method';

/** IndexedDB: which databases a script opens, and what it puts into their stores. */
export function hookIndexedDb(report: ReportClaim): void {
  replaceMethod(IDBFactory.prototype, 'open', (_self, [name]) => {
    report({
      type: 'indexeddb-write',
      op: 'open',
      database: boundedText(name, 1_024).text,
      store: '',
      key: '',
      value: '',
      valueLength: 0,
    });
  });
  const storeName = savedGetter(IDBObjectStore.prototype, 'name');
  const keyPath = savedGetter(IDBObjectStore.prototype, 'keyPath');
  const transaction = savedGetter(IDBObjectStore.prototype, 'transaction');
  const database = savedGetter(IDBTransaction.prototype, 'db');
  const databaseName = savedGetter(IDBDatabase.prototype, 'name');
  for (const op of ['put', 'add'] as const) {
    replaceMethod(IDBObjectStore.prototype, op, (self, [value, key]) => {
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
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[a value that cannot be shown as text]';
  }
}
