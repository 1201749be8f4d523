import { browser } from 'wxt/browser';
import { type AddedSite, parseAddedSites } from '../core/sites/added-sites';

export const ADDED_SITES_KEY = 'addedSites';

export async function loadAddedSites(): Promise<AddedSite[]> {
  const { sites, dropped } = parseAddedSites(
    (await browser.storage.local.get(ADDED_SITES_KEY))[ADDED_SITES_KEY],
  );
  if (dropped.length > 0) console.warn('[inspector] Ignoring stored sites:', dropped.join('; '));
  return sites;
}

export async function saveAddedSites(sites: readonly AddedSite[]): Promise<void> {
  await browser.storage.local.set({ [ADDED_SITES_KEY]: sites });
}
