import { describe, expect, it } from 'vitest';
import { withClaimedWriter } from './claimed-writer';
import { classifyCookie } from './classify-cookie';

const MIXPANEL_SDK = 'https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js';
const WECHAT_SDK = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';

describe('withClaimedWriter', () => {
  it('shows the script the page names as a claim, and keeps what the name alone says', () => {
    const known = classifyCookie({ name: 'zz_sdk_state_9', domain: '.jeejio.com' });
    const claimed = withClaimedWriter(known, 'Cookie', 'zz_sdk_state_9', MIXPANEL_SDK);
    expect(claimed).toMatchObject({ vendor: known.vendor, purpose: 'unknown', matchedBy: known.matchedBy });
    expect(claimed.reason).toContain(`The page claims the script "${MIXPANEL_SDK}", served from Mixpanel`);
    expect(claimed.reason.startsWith(known.reason)).toBe(true);
  });

  it('cannot dress a login cookie as a social network’s, however the page names its writer', () => {
    const login = classifyCookie({ name: 'token', domain: '.jeejio.com' });
    const claimed = withClaimedWriter(login, 'Cookie', 'token', WECHAT_SDK);
    expect({ vendor: claimed.vendor, purpose: claimed.purpose, role: claimed.role }).toEqual({
      vendor: login.vendor,
      purpose: login.purpose,
      role: login.role,
    });
    expect(claimed.purpose).not.toBe('social');
  });

  it('adds nothing when no script was named, and names a script on no catalogued host plainly', () => {
    const unknown = classifyCookie({ name: 'zz_x', domain: '.jeejio.com' });
    expect(withClaimedWriter(unknown, 'Cookie', 'zz_x', undefined)).toBe(unknown);
    const own = withClaimedWriter(unknown, 'Storage key', 'zz_x', 'https://www.jeejio.com/app.js');
    expect(own.reason).toContain(
      'The page claims the script "https://www.jeejio.com/app.js" wrote storage key "zz_x"',
    );
  });
});
