import type { ReportClaim } from './claim-reporter';
import { boundedText } from './describe-values';
import { replaceMethod, replaceSetter } from './replace-method';

/** `document.cookie = ...`: the assigned string, as the script wrote it. */
export function hookCookieWrites(report: ReportClaim): void {
  replaceSetter(Document.prototype, 'cookie', (_self, value) => {
    report({ type: 'cookie-write', cookie: boundedText(value, 8_192).text });
  });
}

/**
 * Storage.setItem/removeItem/clear. Writing a key as a property
 * (`localStorage.k = v`) cannot be hooked; the content script's own
 * snapshots still see the result.
 */
export function hookWebStorage(report: ReportClaim): void {
  const areas = new Map<unknown, 'localStorage' | 'sessionStorage'>();
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      areas.set(window[area], area);
    } catch {
      // Storage is denied in sandboxed and opaque-origin frames.
    }
  }
  const areaOf = (self: unknown) => areas.get(self);
  replaceMethod(Storage.prototype, 'setItem', (self, [key, value]) => {
    const area = areaOf(self);
    if (!area) return;
    const v = boundedText(value);
    report({
      type: 'storage-write',
      area,
      op: 'set',
      key: boundedText(key, 1_024).text,
      value: v.text,
      valueLength: v.length,
    });
  });
  replaceMethod(Storage.prototype, 'removeItem', (self, [key]) => {
    const area = areaOf(self);
    if (area)
      report({
        type: 'storage-write',
        area,
        op: 'remove',
        key: boundedText(key, 1_024).text,
        value: '',
        valueLength: 0,
      });
  });
  replaceMethod(Storage.prototype, 'clear', (self) => {
    const area = areaOf(self);
    if (area) report({ type: 'storage-write', area, op: 'clear', key: '', value: '', valueLength: 0 });
  });
}
