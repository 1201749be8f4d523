import type { ReportClaim } from './claim-reporter';
import { boundedText } from './describe-values';
import type { PageRealm } from './page-realm';
import { apply, ownDescriptor, safeMap } from './primordials';
import { replaceMethod, replaceSetter } from './replace-method';

/** `document.cookie = ...`: the assigned string, as the script wrote it. */
export function hookCookieWrites(report: ReportClaim, realm: PageRealm): void {
  replaceSetter(realm.Document.prototype, 'cookie', (_self, value) => {
    report({ type: 'cookie-write', cookie: boundedText(value, 8_192).text });
  });
}

/**
 * Storage.setItem/removeItem/clear. Writing a key as a property
 * (`localStorage.k = v`) cannot be hooked; the content script's own
 * snapshots still see the result.
 */
export function hookWebStorage(report: ReportClaim, realm: PageRealm): void {
  const areas = safeMap<unknown, 'localStorage' | 'sessionStorage'>();
  // The window's own getters, taken now: by the first call the page may have redefined `localStorage`.
  const getters = [
    ['localStorage', savedWindowProperty(realm, 'localStorage')],
    ['sessionStorage', savedWindowProperty(realm, 'sessionStorage')],
  ] as const;
  // Opening a frame's storage areas costs it a millisecond or two: done at the first call, not at install.
  let known = false;
  const areaOf = (self: unknown) => {
    if (!known) {
      known = true;
      // Indexed: a frame the page made is hooked after the page may have replaced the array iterator.
      for (let i = 0; i < getters.length; i++) {
        // Not destructured: that too goes through the array iterator.
        const entry = getters[i] as (typeof getters)[number];
        try {
          if (entry[1]) areas.set(entry[1](), entry[0]);
        } catch {
          // Storage is denied in sandboxed and opaque-origin frames.
        }
      }
    }
    return areas.get(self);
  };
  replaceMethod(realm.Storage.prototype, 'setItem', (self, args) => {
    const area = areaOf(self);
    if (!area) return;
    const v = boundedText(args[1]);
    report({
      type: 'storage-write',
      area,
      op: 'set',
      key: boundedText(args[0], 1_024).text,
      value: v.text,
      valueLength: v.length,
    });
  });
  replaceMethod(realm.Storage.prototype, 'removeItem', (self, args) => {
    const area = areaOf(self);
    if (area)
      report({
        type: 'storage-write',
        area,
        op: 'remove',
        key: boundedText(args[0], 1_024).text,
        value: '',
        valueLength: 0,
      });
  });
  replaceMethod(realm.Storage.prototype, 'clear', (self) => {
    const area = areaOf(self);
    if (area) report({ type: 'storage-write', area, op: 'clear', key: '', value: '', valueLength: 0 });
  });
}

/**
 * A window's own property as defined now, read when called: through its getter
 * (browsers define `localStorage` so, and open the storage only when it is
 * read), or its value.
 */
function savedWindowProperty(realm: PageRealm, name: string): (() => unknown) | undefined {
  const descriptor = ownDescriptor(realm, name);
  if (!descriptor) return undefined;
  const get = descriptor.get;
  if (get) return () => apply(get, realm, []);
  const value: unknown = descriptor.value;
  return () => value;
}
