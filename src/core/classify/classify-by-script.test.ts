import { describe, expect, it } from 'vitest';
import { withWritingScript } from './classify-by-script';
import { classifyCookie } from './classify-cookie';

const MIXPANEL_SDK = 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js';

describe('withWritingScript', () => {
  it('gives a cookie the tables cannot place to the vendor whose host served the script that wrote it', () => {
    const known = classifyCookie({ name: 'zz_sdk_state_9', domain: '.jeejio.com' });
    expect(known.purpose).toBe('unknown');
    const classified = withWritingScript(known, 'Cookie', 'zz_sdk_state_9', MIXPANEL_SDK);
    expect(classified).toMatchObject({ vendor: 'Mixpanel', purpose: 'statistics', matchedBy: 'script' });
    expect(classified.reason).toContain(MIXPANEL_SDK);
  });

  it('overrides a generic naming convention, since a convention says nothing of who set it', () => {
    const known = classifyCookie({ name: 'sdk_token', domain: '.jeejio.com' });
    expect(withWritingScript(known, 'Cookie', 'sdk_token', MIXPANEL_SDK).vendor).toBe('Mixpanel');
  });

  it('keeps a specific catalogue entry, and ignores first-party or unknown scripts', () => {
    const ga = classifyCookie({ name: '_ga', domain: '.jeejio.com' });
    expect(withWritingScript(ga, 'Cookie', '_ga', MIXPANEL_SDK)).toBe(ga);
    const unknown = classifyCookie({ name: 'zz_x', domain: '.jeejio.com' });
    expect(withWritingScript(unknown, 'Cookie', 'zz_x', 'https://www.jeejio.com/app.js')).toBe(unknown);
    expect(withWritingScript(unknown, 'Cookie', 'zz_x', undefined)).toBe(unknown);
  });
});
