import { type Handler, sendHtml } from './respond.js';

/**
 * A page as two releases of it serve it, for comparing two audits
 * (`--compare`): the same page each time, and `?with=bing` adds one tracker,
 * Microsoft's advertising pixel (bat.bing.com, which sets MUID), as a release
 * that slipped one in would. Everything else is the same in both, so the
 * comparison must find that tracker and its findings new, and nothing else.
 */
export const RELEASE_URL = 'https://www.jeejio.com/release';
export const RELEASE_WITH_TRACKER_URL = `${RELEASE_URL}?with=bing`;
export const ADDED_TRACKER_HOST = 'bat.bing.com';
/** The page's own Baidu Tongji site id. */
const TONGJI_SITE_ID = 'feedc0de';

const page: Handler = ({ res, url }) =>
  sendHtml(res, {
    title: 'Jeejio — a release',
    intro:
      'Sets a phone number in a readable cookie and loads Baidu Tongji; with ?with=bing it also loads Microsoft\u2019s advertising pixel.',
    body: `<script src="https://hm.baidu.com/hm.js?${TONGJI_SITE_ID}"></script>
${url.searchParams.get('with') === 'bing' ? `<img src="https://${ADDED_TRACKER_HOST}/action/0?ti=5" width="1" height="1" alt="">` : ''}`,
    cookies: ['user_phone=13812345678; Path=/; Max-Age=86400; SameSite=Lax'],
  });

export const RELEASE_ROUTES: ReadonlyArray<[string, Handler]> = [['www.jeejio.com/release', page]];
