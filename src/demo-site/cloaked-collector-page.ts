import { type Handler, sendGif, sendHtml, sendJs } from './respond.js';

/**
 * A tracker behind a first-party name (CNAME cloaking): the page loads an
 * analytics script from metrics.jeejio.com, which looks like Jeejio's own
 * host, and sends its hits there. In DNS the name is an alias of Adobe's
 * collector (CLOAKED_CANONICAL_NAME); only a browser that tells an alias from
 * a host (Firefox's dns.resolve) can show whose collector it is. The tests'
 * DNS server answers so; the demo server answers for every host.
 */
export const CLOAKED_COLLECTOR_URL = 'https://www.jeejio.com/cloaked-collector';
export const CLOAKED_HOST = 'metrics.jeejio.com';
export const CLOAKED_CANONICAL_NAME = 'jeejio.sc.omtrdc.net';

const page: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — a collector under a first-party name',
    intro: `Loads a script from ${CLOAKED_HOST} and sends it a hit with the account id after load; in DNS that host is an alias of ${CLOAKED_CANONICAL_NAME}.`,
    body: `<script src="https://${CLOAKED_HOST}/insight.js"></script>`,
  });

const script: Handler = ({ res }) =>
  sendJs(
    res,
    `addEventListener('load', () => { new Image().src = 'https://${CLOAKED_HOST}/collect?visitor=vid-8121&uid=10086&page=' + encodeURIComponent(location.pathname); });`,
  );

export const CLOAKED_COLLECTOR_ROUTES: ReadonlyArray<[string, Handler]> = [
  ['www.jeejio.com/cloaked-collector', page],
  [`${CLOAKED_HOST}/insight.js`, script],
  [`${CLOAKED_HOST}/collect`, ({ res }) => sendGif(res)],
];
