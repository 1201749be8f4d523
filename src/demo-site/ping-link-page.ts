import { type Handler, sendHtml, sendNoContent } from './respond.js';

/**
 * Hyperlink auditing: a link with a `ping` attribute makes the browser POST
 * to that address when the link is followed, a web beacon no script sends.
 * The link opens in a new tab, so the page that pinged stays where it was.
 * Chrome sends pings; Firefox only with browser.send_pings on.
 */
export const PING_LINK_URL = 'https://www.jeejio.com/ping-link';
export const PING_URL = 'https://collect.tracker.example/ping?uid=vid-8121';

const page: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — a link that pings',
    intro: `A link with ping="${PING_URL}": following it sends a beacon there.`,
    body: `<a id="pinging-link" href="https://www.jeejio.com/clean" target="_blank" ping="${PING_URL}">Open the clean page</a>`,
  });

export const PING_LINK_ROUTES: ReadonlyArray<[string, Handler]> = [
  ['www.jeejio.com/ping-link', page],
  ['collect.tracker.example/ping', ({ res }) => sendNoContent(res)],
];
