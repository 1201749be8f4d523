import { browser } from 'wxt/browser';
import {
  ADDED_SITE_SCRIPT_PREFIX,
  type AddedSite,
  type ContentScriptRegistration,
  type ManifestContentScript,
  registrationsFor,
} from '../core/sites/added-sites';

type Scripting = {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
};

/**
 * Makes the registered content scripts match the added sites the extension
 * may access. Sites without access are skipped (the browser would refuse them
 * anyway) and watched again when access is granted. Returns a problem in words,
 * or null.
 */
export async function syncSiteContentScripts(sites: readonly AddedSite[]): Promise<string | null> {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  if (!scripting?.registerContentScripts) {
    return sites.length > 0
      ? 'This browser cannot add page scripts for added sites; cookies and requests are still watched.'
      : null;
  }
  const allowed: AddedSite[] = [];
  for (const site of sites) {
    if (await browser.permissions.contains({ origins: [site.pattern] })) allowed.push(site);
  }
  const declared = (browser.runtime.getManifest().content_scripts ?? []) as ManifestContentScript[];
  const wanted = registrationsFor(declared, allowed);
  const existing = (await scripting.getRegisteredContentScripts()).filter((s) =>
    s.id.startsWith(ADDED_SITE_SCRIPT_PREFIX),
  );
  const same =
    existing.length === wanted.length &&
    wanted.every((w) => existing.some((e) => e.id === w.id && sameList(e.matches ?? [], w.matches)));
  if (same) return null;
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (wanted.length > 0) await scripting.registerContentScripts(wanted);
  return null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
