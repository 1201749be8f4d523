import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReportApp } from '../../src/pages/report/ReportApp';
import { t } from '../../src/pages/shared/i18n';
import { sendRequest } from '../../src/pages/shared/send-request';
import '../../src/pages/shared/theme.css';
import '../../src/pages/report/report.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('report_title');
const root = document.getElementById('app');
if (root) render(<ReportApp loadReport={() => sendRequest('get-full-report', {})} />, root);
