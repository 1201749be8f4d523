import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerScriptUrl } from './caller-script';

const HOOK = 'chrome-extension://abcdefghijklmnop/content-scripts/page-hooks.js';

describe('callerScriptUrl', () => {
  it('skips the hook’s own frames and names the page script that called it (V8)', () => {
    const stack = `Error
    at report (${HOOK}:1:200)
    at Navigator.sendBeacon (${HOOK}:1:900)
    at track (https://cdn.tracker.example/sdk.min.js?v=3:1:4567)
    at https://www.jeejio.com/static/app.js:10:2`;
    expect(callerScriptUrl(stack)).toBe('https://cdn.tracker.example/sdk.min.js?v=3');
  });

  it('reads Gecko frames too', () => {
    const stack = `report@moz-extension://1234/content-scripts/page-hooks.js:1:20
track@https://cdn.tracker.example/sdk.js:3:40
@https://www.jeejio.com/:12:5`;
    expect(callerScriptUrl(stack)).toBe('https://cdn.tracker.example/sdk.js');
  });

  it('names the document for an inline script, and nothing when no web frame is left', () => {
    expect(callerScriptUrl(`Error\n    at ${HOOK}:1:1\n    at https://www.jeejio.com/beacons:40:9`)).toBe(
      'https://www.jeejio.com/beacons',
    );
    expect(callerScriptUrl(`Error\n    at ${HOOK}:1:1\n    at <anonymous>:1:1`)).toBeUndefined();
    expect(callerScriptUrl(undefined)).toBeUndefined();
    expect(callerScriptUrl(42)).toBeUndefined();
  });

  it('never throws and never returns more than 2 KB, whatever the stack says', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (junk) => {
        const found = callerScriptUrl(`${junk}\n at https://x.example/${'a'.repeat(4000)}.js:1:1`);
        expect(found === undefined || found.length <= 2048).toBe(true);
      }),
    );
  });
});
