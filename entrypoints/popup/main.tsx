import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../src/pages/popup/PopupApp';
import { sendRequest } from '../../src/pages/shared/send-request';
import '../../src/pages/popup/popup.css';

// `?tabId=` lets the report page and the tests open the popup for a given tab.
async function tabId(): Promise<number> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isSafeInteger(fromQuery) && fromQuery > 0 ? fromQuery : activeTabId();
}
const loadTabSummary = async () => sendRequest('get-tab-summary', { tabId: await tabId() });
const loadTabReport = async () => sendRequest('get-tab-report', { tabId: await tabId() });

async function activeTabId(): Promise<number> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab');
  return tab.id;
}

const openPage = (path: string) => () => {
  void browser.tabs.create({ url: browser.runtime.getURL(path as '/report.html') });
  window.close();
};

document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
if (root)
  render(
    <PopupApp
      loadTabSummary={loadTabSummary}
      loadTabReport={loadTabReport}
      openReport={openPage('/report.html')}
      openOptions={() => void browser.runtime.openOptionsPage()}
    />,
    root,
  );
