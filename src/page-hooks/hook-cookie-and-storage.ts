import type { ReportClaim } from './claim-reporter';
import { boundedText } from './describe-values';
import type { PageRealm } from './page-realm';
import { safeMap } from './primordials';
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
  const names = ['localStorage', 'sessionStorage'] as const;
  // Indexed: a frame the page made is hooked after the page may have replaced the array iterator.
  for (let i = 0; i < names.length; i++) {
    const area = names[i] as (typeof names)[number];
    try {
      areas.set(realm[area], area);
    } catch {
      // Storage is denied in sandboxed and opaque-origin frames.
    }
  }
  const areaOf = (self: unknown) => areas.get(self);
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
