/**
 * A fragment that names a client-side route (`#/settings`, `#!/settings`), as
 * hash routers write them, rather than a place in the page (`#section`).
 */
export function isRouteFragment(hash: string): boolean {
  return /^#!?\//.test(hash);
}

/**
 * The URL with a plain anchor dropped and a hash route kept: two URLs with the
 * same route URL show the same view of a single-page app, while a different
 * hash route is another view, as a different path is.
 */
export function routeUrl(href: string): string {
  const at = href.indexOf('#');
  if (at < 0) return href;
  return isRouteFragment(href.slice(at)) ? href : href.slice(0, at);
}
