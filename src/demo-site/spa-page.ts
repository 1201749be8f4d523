import { type Handler, jsLiteral, sendHtml, sendJson } from './respond.js';

/**
 * A single-page app with a hand-written router, as Jeejio's platforms are
 * built: one document serves every route, the router rewrites `/app` to
 * `/app/home` on load with pushState, its links change the path by pushState
 * without loading, and `#/profile` is a hash route. Each route sends its own
 * hit, so a report can only be right if it files each under its route:
 * `/app/home` a first-party statistics pixel (page data only, declared),
 * `/app/ads` DoubleClick's advertising pixel, which sets a cookie, and
 * `#/profile` a Baidu Tongji beacon carrying the visitor's phone number, a
 * 1×1 Baidu image in the page, and a request for its data that the server
 * answers late, after a quick visitor has moved on.
 */
export const SPA_URL = 'https://www.jeejio.com/app';
export const SPA_HOME_URL = 'https://www.jeejio.com/app/home';
export const SPA_ADS_URL = 'https://www.jeejio.com/app/ads';
export const SPA_PROFILE_PHONE = '13700001111';

const shell: Handler = ({ res }) =>
  sendHtml(res, {
    title: 'Jeejio — single-page app',
    intro:
      'One document, three routes: its links change the URL without loading a page. Home sends a first-party ' +
      'statistics pixel, Ads a DoubleClick advertising pixel that sets a cookie, and the #/profile hash route ' +
      'a Baidu Tongji beacon with a phone number, a 1×1 Baidu image in the page and a slow request for its data.',
    body: `<nav>
<a href="/app/home" data-route>Home</a>
<a href="/app/ads" data-route>Ads</a>
<a href="#/profile">Profile</a>
</nav>
<main id="view"></main>
<script>
(function () {
  var hits = {
    '/app/home': function () { new Image().src = '/stat.gif?page=' + encodeURIComponent('/app/home'); },
    '/app/ads': function () { new Image().src = 'https://ad.doubleclick.net/pixel.gif?route=ads'; },
    '#/profile': function () {
      navigator.sendBeacon('https://hm.baidu.com/hm.gif?si=spa&ep=' + ${jsLiteral(SPA_PROFILE_PHONE)});
      fetch('/app/api/profile');
      var pixel = new Image(1, 1);
      pixel.src = 'https://hm.baidu.com/hm.gif?si=spa&v=profile';
      document.getElementById('view').appendChild(pixel);
    }
  };
  var shown = null;
  function route() {
    return /^#!?\\//.test(location.hash) ? location.hash : location.pathname;
  }
  // popstate and hashchange both follow a hash link: a route is shown, and its hit sent, once.
  function render() {
    var next = hits[route()] ? route() : '/app/home';
    if (next === shown) return;
    shown = next;
    document.getElementById('view').textContent = 'Route ' + next;
    document.title = 'Jeejio app ' + next;
    hits[next]();
  }
  // The app's entry point rewrites its bare URL to the home route, as routers do on load.
  if (location.pathname === '/app' && !/^#!?\\//.test(location.hash)) history.pushState(null, '', '/app/home');
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-route]');
    if (!link) return;
    event.preventDefault();
    // Routers note the route they leave (to restore its scroll) in the same instant as they move on.
    sessionStorage.setItem('spa_left', shown);
    history.pushState(null, '', link.href);
    render();
  });
  addEventListener('popstate', render);
  addEventListener('hashchange', render);
  render();
})();
</script>`,
  });

/** How long the profile's data takes: a request still running when the app moves to its next route. */
export const SPA_PROFILE_DATA_DELAY_MS = 1_000;

const profileData: Handler = ({ res }) => {
  setTimeout(() => sendJson(res, { nickname: 'demo' }), SPA_PROFILE_DATA_DELAY_MS);
};

/** The server answers every route with the app, as an SPA's server does when a route is reloaded. */
export const SPA_ROUTES: ReadonlyArray<[string, Handler]> = [
  ['www.jeejio.com/app', shell],
  ['www.jeejio.com/app/home', shell],
  ['www.jeejio.com/app/ads', shell],
  ['www.jeejio.com/app/api/profile', profileData],
];
