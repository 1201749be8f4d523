import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';

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
      {t('third_party_access')}{' '}
      <button type="button" onClick={() => browser.permissions.request(ALL_SITES).then(setGranted)}>
        {t('allow')}
      </button>
    </p>
  );
}
