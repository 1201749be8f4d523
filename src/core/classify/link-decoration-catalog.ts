import type { Purpose } from './purpose';

/**
 * What a query parameter added to a link carries: an ad platform's id of one
 * click (`click-id`), which ties the visit on the landing site to the ad and
 * to whoever clicked it; a sender's id of the person (`user-id`), or of the
 * email address a newsletter was sent to (`email-id`).
 */
export type DecorationCarries = 'click-id' | 'user-id' | 'email-id';

/** A query parameter that decorates links or redirects, with what it is and where that is known from. */
export interface LinkDecorationEntry {
  /** The parameter's name, as it appears in the query (case matters, as in the lists it comes from). */
  param: string;
  vendor: string;
  purpose: Purpose;
  carries: DecorationCarries;
  /** What the parameter is, in plain words, for the report. */
  note: string;
  source: string;
}

/**
 * Brave strips these from cross-site navigations (its query filter), each with
 * the issue that argued for it; the list is the file at this commit.
 */
const BRAVE_QUERY_FILTER =
  'https://github.com/brave/brave-core/blob/0c7f00e55270713337549a38a127f7e441383c23/components/query_filter/utils.cc';
const braveIssue = (issue: number) =>
  `${BRAVE_QUERY_FILTER} (https://github.com/brave/brave-browser/issues/${issue})`;

/**
 * The link-decoration catalogue: parameters that carry a click or a person
 * from one site to the next. Vendor knowledge is data, each fact with its
 * source; a parameter without a source that names it is left out (li_fat_id,
 * the generic `clickid` and `callback`).
 */
export const LINK_DECORATION_CATALOG: readonly LinkDecorationEntry[] = [
  {
    param: 'gclid',
    vendor: 'Google Ads',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the Google Ads click id (auto-tagging)',
    source: braveIssue(4239),
  },
  {
    param: 'wbraid',
    vendor: 'Google Ads',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'a Google Ads click id for web-to-app measurement on iOS',
    source: braveIssue(18758),
  },
  {
    param: 'dclid',
    vendor: 'Google Display & Video 360 / Campaign Manager',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the Google display-ads click id',
    source: braveIssue(9879),
  },
  {
    param: 'fbclid',
    vendor: 'Meta (Facebook)',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the Facebook click id, added to outbound links',
    source: braveIssue(4239),
  },
  {
    param: 'msclkid',
    vendor: 'Microsoft Advertising',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the Microsoft (Bing) Ads click id',
    source: braveIssue(4239),
  },
  {
    param: 'twclid',
    vendor: 'X (Twitter) Ads',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the X (Twitter) Ads click id',
    source: braveIssue(18020),
  },
  {
    param: 'yclid',
    vendor: 'Yandex Direct',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the Yandex Direct click id',
    source: braveIssue(11578),
  },
  {
    param: 'ysclid',
    vendor: 'Yandex',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the Yandex search click id',
    source: braveIssue(33216),
  },
  {
    param: 'irclickid',
    vendor: 'impact.com',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the impact.com affiliate click id',
    source: braveIssue(33952),
  },
  {
    param: 'mc_eid',
    vendor: 'Mailchimp',
    purpose: 'advertising',
    carries: 'email-id',
    note: 'the Mailchimp id of the subscriber a campaign email was sent to',
    source: braveIssue(4239),
  },
  {
    param: '_hsenc',
    vendor: 'HubSpot',
    purpose: 'advertising',
    carries: 'email-id',
    note: 'the HubSpot id of the contact a marketing email was sent to',
    source: braveIssue(9019),
  },
  {
    param: 'vero_id',
    vendor: 'Vero',
    purpose: 'advertising',
    carries: 'user-id',
    note: 'the Vero id of the customer a campaign email was sent to',
    source: braveIssue(11817),
  },
  {
    param: 'ttclid',
    vendor: 'TikTok Ads',
    purpose: 'advertising',
    carries: 'click-id',
    note: 'the TikTok Ads click id, added to the landing URL of each ad click',
    source: 'https://ads.tiktok.com/help/article/how-to-set-up-matching-events-with-events-api',
  },
  {
    param: 'bd_vid',
    vendor: 'Baidu Marketing (百度营销)',
    purpose: 'advertising',
    carries: 'click-id',
    note: "Baidu oCPC's click id, added to the landing URL of each ad click so conversions can be reported back",
    source: 'https://520ym.net/xuexi/anquan/9403.html (a description of the Baidu oCPC API)',
  },
  {
    param: 'qz_gdt',
    vendor: 'Tencent Ads (腾讯广告)',
    purpose: 'advertising',
    carries: 'click-id',
    note: "Tencent Ads' click id on landing URLs of clicks outside WeChat",
    source: 'https://cloud.tencent.cn/developer/article/2616163',
  },
  {
    param: 'gdt_vid',
    vendor: 'Tencent Ads (腾讯广告)',
    purpose: 'advertising',
    carries: 'click-id',
    note: "Tencent Ads' click id on landing URLs of clicks in WeChat",
    source: 'https://cloud.tencent.cn/developer/article/2616163',
  },
];

const BY_PARAM = new Map(LINK_DECORATION_CATALOG.map((entry) => [entry.param, entry]));

/** The catalogue's entry for a query parameter's name, if it is one. */
export function decorationEntry(param: string): LinkDecorationEntry | undefined {
  return BY_PARAM.get(param);
}
