import { describe, expect, it } from 'vitest';
import type { StorageEntry } from '../core/observations/storage-observation';
import { KeysNotThisPage } from './keys-not-this-page';

const entry = (key: string, value: string, area: StorageEntry['area'] = 'localStorage'): StorageEntry => ({
  area,
  key,
  value,
  valueLength: value.length,
});

describe('keys a page did not write', () => {
  it('marks a key that kept the value it had before the page, or that another tab wrote, and no other', () => {
    const keys = new KeysNotThisPage([entry('visitor_id', 'v-1'), entry('theme', 'dark')]);
    keys.writtenElsewhere('localStorage', 'user_phone', '13812345678', 'https://www.jeejio.com/profile');
    const marked = keys.mark([
      entry('visitor_id', 'v-1'),
      entry('theme', 'light'),
      entry('user_phone', '13812345678'),
      entry('cart', '3'),
      entry('visitor_id', 'v-1', 'sessionStorage'),
      entry('db/store/1', 'v-1', 'indexedDB'),
    ]);
    expect(marked.map((e) => [e.area, e.key, e.notThisPage, e.writtenOn])).toEqual([
      ['localStorage', 'visitor_id', 'stored-earlier', undefined],
      // Changed by the page since: its own doing.
      ['localStorage', 'theme', undefined, undefined],
      ['localStorage', 'user_phone', 'another-tab', 'https://www.jeejio.com/profile'],
      ['localStorage', 'cart', undefined, undefined],
      // The same key in another area is another key.
      ['sessionStorage', 'visitor_id', undefined, undefined],
      // IndexedDB has no reading from before the page: its keys count as the page's.
      ['indexedDB', 'db/store/1', undefined, undefined],
    ]);
  });

  it('names the writing document only by a web address, as the report takes it', () => {
    const keys = new KeysNotThisPage([]);
    keys.writtenElsewhere('localStorage', 'a', '1', 'about:blank');
    keys.writtenElsewhere('localStorage', 'b', '2', `https://www.jeejio.com/?q=${'x'.repeat(9_000)}`);
    expect(keys.mark([entry('a', '1'), entry('b', '2')]).map((e) => [e.notThisPage, e.writtenOn])).toEqual([
      ['another-tab', undefined],
      ['another-tab', undefined],
    ]);
  });

  it("counts as the page's own a key it wrote over another tab's value, or that another tab removed and it wrote again", () => {
    const keys = new KeysNotThisPage([entry('uid', 'old')]);
    keys.writtenElsewhere('localStorage', 'email', 'a@example.com', 'https://www.jeejio.com/');
    keys.writtenElsewhere('localStorage', 'uid', null, 'https://www.jeejio.com/');
    keys.writtenElsewhere('localStorage', 'cart', '3', 'https://www.jeejio.com/');
    // Cleared by another tab: what it wrote before is gone, and what the page writes after is its own.
    keys.writtenElsewhere('localStorage', null, null, 'https://www.jeejio.com/');
    expect(
      keys.mark([entry('email', 'b@example.com'), entry('uid', 'new')]).map((e) => e.notThisPage),
    ).toEqual([undefined, undefined]);
  });
});
