import { type Handler, sendHtml } from './respond.js';

/**
 * Link decoration and bounce tracking: a link to another shop carrying ad
 * click ids (Google's gclid, Baidu's bd_vid), and an ad link that goes
 * through Google's ad server, which redirects to the shop with a click id
 * added (Jeejio → ad.doubleclick.net → shop.example). The first is read from
 * the markup; the second is seen when the audit follows it.
 */
export const OUTBOUND_LINKS_URL = 'https://www.jeejio.com/outbound-links';
export const DECORATED_LINK = 'https://shop.example/?gclid=EAIaIQobChMI8kqk&bd_vid=9032720433592581189';
export const BOUNCE_LINK = 'https://ad.doubleclick.net/clk?ad=jeejio-shop';
export const BOUNCE_LANDING = 'https://shop.example/landing?gclid=Cj0KCQiA2bounce';

const page: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — links that carry ids',
    intro:
      'A link to a shop with ad click ids, and an ad link that bounces through Google’s ad server to it.',
    body: `<p><a id="decorated-link" href="${DECORATED_LINK.replace(/&/g, '&amp;')}">Visit the shop</a></p>
<p><a id="bounce-link" href="${BOUNCE_LINK}">An ad for the shop</a></p>`,
  });

const shop: Handler = ({ res }) =>
  sendHtml(res, { title: 'Another shop', intro: 'A page of another site, where the links lead.' });

export const OUTBOUND_LINKS_ROUTES: ReadonlyArray<[string, Handler]> = [
  ['www.jeejio.com/outbound-links', page],
  [
    'ad.doubleclick.net/clk',
    ({ res }) => {
      res.writeHead(302, { location: BOUNCE_LANDING, 'cache-control': 'no-store' });
      res.end();
    },
  ],
  ['shop.example/', shop],
  ['shop.example/landing', shop],
];
