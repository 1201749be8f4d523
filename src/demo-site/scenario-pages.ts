import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Handler, sendCss, sendHtml, sendJs, sendJson } from './respond.js';

/**
 * Pages for the audit's scenarios (--scenario):
 * - a consent banner made with a real consent manager from npm
 *   (orestbida's CookieConsent 3, which DuckDuckGo's autoconsent rules know),
 *   whose site wired its advertising tag to the wrong answer: "Reject all"
 *   still stores Google's advertising cookie, and Baidu's statistics cookie is
 *   stored before any choice;
 * - a page that honours Global Privacy Control and one that ignores it, on a
 *   site whose /.well-known/gpc.json says it honours it, and a page whose
 *   server honours the Sec-GPC header (no script can tell it was sent).
 */
export const CONSENT_PAGE_URL = 'https://www.jeejio.com/consent';
export const GPC_HONOURED_URL = 'https://www.jeejio.com/gpc-honoured';
export const GPC_IGNORED_URL = 'https://www.jeejio.com/gpc-ignored';
export const GPC_HEADER_HONOURED_URL = 'https://www.jeejio.com/gpc-header-honoured';
/** Google's conversion linker cookie: advertising, a purpose the policy does not declare. */
export const AD_COOKIE = '_gcl_au';
/** Baidu Tongji's visit cookies: usage statistics, which the policy declares. */
export const STATISTICS_COOKIE = 'Hm_lvt_0123456789abcdef0123456789abcdef';
export const STATISTICS_CHOICE_COOKIE = 'Hm_lpvt_0123456789abcdef0123456789abcdef';

const require = createRequire(import.meta.url);
let consentScript: string | undefined;
let consentStyle: string | undefined;

/** A first-party cookie written by script, a year long, as the SDKs write theirs. */
const writeCookie = (name: string, value: string) =>
  `document.cookie = ${JSON.stringify(`${name}=`)} + ${value} + '; path=/; max-age=31536000; SameSite=Lax';`;

const adCookie = writeCookie(
  AD_COOKIE,
  "'1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000)",
);

const consentPage: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — a consent banner',
    intro:
      'A CookieConsent 3 banner. Baidu statistics run before any choice; "Accept all" adds statistics; ' +
      '"Reject all" stores an advertising cookie all the same (the site tested the wrong answer).',
    body: `<link rel="stylesheet" href="/vendor/cookieconsent.css">
<script src="/vendor/cookieconsent.umd.js"></script>
<script>
${writeCookie(STATISTICS_COOKIE, 'Math.floor(Date.now() / 1000)')}
function applyChoice() {
  if (CookieConsent.acceptedCategory('analytics')) {
    ${writeCookie(STATISTICS_CHOICE_COOKIE, 'Math.floor(Date.now() / 1000)')}
  }
  // The bug: the advertising tag runs when marketing was NOT accepted.
  if (!CookieConsent.acceptedCategory('marketing')) {
    ${adCookie}
  }
}
CookieConsent.run({
  // CookieConsent hides its banner from automation (navigator.webdriver) unless told not to.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  onFirstConsent: applyChoice,
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'Statistics help us improve Jeejio; marketing cookies measure our ads.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save',
          sections: [
            { title: 'Necessary', linkedCategory: 'necessary' },
            { title: 'Statistics', linkedCategory: 'analytics' },
            { title: 'Marketing', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
});
</script>`,
  });

const gpcPage =
  (honoured: boolean): Handler =>
  ({ res }) =>
    sendHtml(res, {
      title: `Jeejio — Global Privacy Control ${honoured ? 'honoured' : 'ignored'}`,
      intro: honoured
        ? 'Runs its advertising tag only when navigator.globalPrivacyControl is not set.'
        : 'Runs its advertising tag whatever navigator.globalPrivacyControl says.',
      body: `<script>
if (${honoured ? '!navigator.globalPrivacyControl' : 'true'}) {
  ${adCookie}
  new Image().src = 'https://ad.doubleclick.net/pixel.gif';
}
</script>`,
    });

/** The server sets the advertising cookie unless the request carries `Sec-GPC: 1`: only the header can stop it. */
const gpcHeaderPage: Handler = ({ req, res }) => {
  if (req.headers['sec-gpc'] !== '1')
    res.setHeader('Set-Cookie', `${AD_COOKIE}=1.1.${Date.now()}; Path=/; Max-Age=31536000; SameSite=Lax`);
  sendHtml(res, {
    title: 'Jeejio — Global Privacy Control honoured by the server',
    intro: 'Its server sets an advertising cookie unless the request carries the Sec-GPC: 1 header.',
    body: '',
  });
};

export const SCENARIO_ROUTES: ReadonlyArray<[string, Handler]> = [
  ['www.jeejio.com/consent', consentPage],
  [
    'www.jeejio.com/vendor/cookieconsent.umd.js',
    ({ res }) => {
      consentScript ??= readFileSync(
        require.resolve('vanilla-cookieconsent/dist/cookieconsent.umd.js'),
        'utf8',
      );
      sendJs(res, consentScript);
    },
  ],
  [
    'www.jeejio.com/vendor/cookieconsent.css',
    ({ res }) => {
      consentStyle ??= readFileSync(require.resolve('vanilla-cookieconsent/dist/cookieconsent.css'), 'utf8');
      sendCss(res, consentStyle);
    },
  ],
  ['www.jeejio.com/gpc-honoured', gpcPage(true)],
  ['www.jeejio.com/gpc-ignored', gpcPage(false)],
  ['www.jeejio.com/gpc-header-honoured', gpcHeaderPage],
  // The site's own word: it says it honours GPC, and one of its pages does not.
  [
    'www.jeejio.com/.well-known/gpc.json',
    ({ res }) => sendJson(res, { gpc: true, lastUpdate: '2026-11-01' }),
  ],
];

/**
 * An ad auction's pixel: this page carries it on the second of every three
 * loads (counted by the server), as an auction that some bidder wins only
 * sometimes would, so `--repeat 3` sees it in one visit of three.
 */
export const SOMETIMES_PIXEL_URL = 'https://www.jeejio.com/sometimes-pixel';
let sometimesLoads = 0;

export const SOMETIMES_PIXEL_ROUTES: ReadonlyArray<[string, Handler]> = [
  [
    'www.jeejio.com/sometimes-pixel',
    ({ res }) => {
      sometimesLoads += 1;
      const withPixel = sometimesLoads % 3 === 2;
      sendHtml(res, {
        title: 'Jeejio — an ad auction',
        intro: 'An ad pixel that one load in three carries (the second of every three).',
        body: withPixel ? '<img src="https://ad.doubleclick.net/pixel.gif" width="1" height="1" alt="">' : '',
      });
    },
  ],
];
