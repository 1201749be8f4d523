import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReportApp } from '../../src/pages/report/ReportApp';
import { recordedSessions } from '../../src/pages/report/recorded-sessions';
import { t } from '../../src/pages/shared/i18n';
import { sendRequest } from '../../src/pages/shared/send-request';
import '../../src/pages/shared/theme.css';
import '../../src/pages/report/report.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('report_title');
// report.html?session=<id> shows one recorded session's report (a comparison links to it); else everything recorded.
const sessionId = new URLSearchParams(location.search).get('session') ?? undefined;
const loadReport = sessionId
  ? () => recordedSessions.report(sessionId)
  : () => sendRequest('get-full-report', {});
const root = document.getElementById('app');
if (root)
  render(<ReportApp loadReport={loadReport} sessions={recordedSessions} viewedSessionId={sessionId} />, root);
