import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

const ALL_SITES = { origins: ['<all_urls>'] };

/**
 * Without access to all sites the browser hides a Jeejio page's requests to
 * other hosts from the extension; the user grants it here, with a click.
 */
export function ThirdPartyAccess() {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    browser.permissions.contains(ALL_SITES).then(setGranted, () => setGranted(false));
  }, []);
  if (granted !== false) return null;
  return (
    <p class="third-party-access" data-testid="third-party-access">
      Allow access to all sites to see the third parties this page talks to.{' '}
      <button type="button" onClick={() => browser.permissions.request(ALL_SITES).then(setGranted)}>
        Allow
      </button>
    </p>
  );
}
