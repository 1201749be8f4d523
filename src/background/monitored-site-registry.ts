import { browser } from 'wxt/browser';
import { isMonitoredUrl, MONITORED_DOMAINS } from '../core/sites/monitored-sites';
import { ADDED_SITES_KEY, loadAddedSites } from '../stores/added-site-store';
import { syncSiteContentScripts } from './site-content-scripts';

/** What collectors need to know about the watched sites. */
export interface MonitoredSites {
  /** Resolves once the added sites are read after the worker woke. */
  ready: Promise<void>;
  covers(url: string | undefined): boolean;
}

/**
 * Which sites are watched: jeejio.com always, and the hosts a tester added on
 * the options page. Collectors ask synchronously; until the stored list is
 * read (the first moments after the worker wakes) only jeejio.com counts.
 */
export class MonitoredSiteRegistry implements MonitoredSites {
  private domains: readonly string[] = MONITORED_DOMAINS;
  readonly ready: Promise<void>;

  constructor() {
    // Only local storage's own event: the general one would wake this for every session-storage write.
    browser.storage.local.onChanged.addListener((changes) => {
      if (ADDED_SITES_KEY in changes) void this.reload();
    });
    // Access withdrawn in the browser's own settings stops the scripts; granted again, they return.
    browser.permissions.onRemoved?.addListener(() => void this.reload());
    browser.permissions.onAdded?.addListener(() => void this.reload());
    this.ready = this.reload();
  }

  covers(url: string | undefined): boolean {
    return isMonitoredUrl(url, this.domains);
  }

  private reloading: Promise<void> = Promise.resolve();

  /** One reload at a time, so two quick changes cannot register scripts in the wrong order. */
  private reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.apply());
    return this.reloading;
  }

  private async apply(): Promise<void> {
    try {
      const sites = await loadAddedSites();
      this.domains = [...MONITORED_DOMAINS, ...sites.map((s) => s.domain)];
      // Cookies and requests of an added site are watched even when its page scripts cannot be.
      const problem = await syncSiteContentScripts(sites);
      if (problem) console.warn('[inspector] Added sites without page scripts:', problem);
    } catch (error) {
      console.warn('[inspector] Added sites could not be applied', error);
    }
  }
}
