import { render } from 'preact';
import { browser } from 'wxt/browser';
import { coveredBy } from '../../src/core/sites/monitored-sites';
import { OptionsApp, type OptionsStore } from '../../src/pages/options/OptionsApp';
import { t } from '../../src/pages/shared/i18n';
import { sendRequest } from '../../src/pages/shared/send-request';
import { loadAddedSites, saveAddedSites } from '../../src/stores/added-site-store';
import { loadSettings, saveSettings } from '../../src/stores/settings-store';
import {
  clearTimestampSetting,
  loadTimestampSetting,
  saveTimestampSetting,
} from '../../src/stores/timestamp-setting-store';
import '../../src/pages/shared/theme.css';
import '../../src/pages/options/options.css';

const store: OptionsStore = {
  load: loadSettings,
  save: saveSettings,
  clearData: () => sendRequest('clear-data', {}),
  confirm: (question) => window.confirm(question),
  sites: {
    load: loadAddedSites,
    save: saveAddedSites,
    hasAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    requestAccess: (pattern) => browser.permissions.request({ origins: [pattern] }),
    // A build that holds the host as a required permission cannot give it back; the site is dropped all the same.
    dropAccess: (pattern) =>
      browser.permissions.remove({ origins: [pattern] }).then(
        () => {},
        () => {},
      ),
  },
  timestamps: {
    load: loadTimestampSetting,
    save: saveTimestampSetting,
    clear: clearTimestampSetting,
    hasAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    requestAccess: (pattern) => browser.permissions.request({ origins: [pattern] }),
    async dropAccess(pattern, host) {
      // A staging host added above is reached through the same permission: it keeps it.
      if (
        coveredBy(
          host,
          (await loadAddedSites()).map((site) => site.domain),
        )
      )
        return;
      // A build that holds the host as a required permission (the audit build) cannot give it back.
      await browser.permissions.remove({ origins: [pattern] }).catch(() => {});
    },
  },
};

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('options_title');
const root = document.getElementById('app');
if (root) render(<OptionsApp store={store} />, root);
