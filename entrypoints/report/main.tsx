import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendRequest } from '../../src/messaging/send-request';
import { ReportApp } from '../../src/report-page/ReportApp';
import '../../src/ui/theme.css';
import '../../src/report-page/report.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('report_title');
const root = document.getElementById('app');
if (root) render(<ReportApp loadReport={() => sendRequest('get-full-report', {})} />, root);
