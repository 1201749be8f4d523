import type { Report } from '../report/report-types';
import { cookieRows } from './cookie-rows';
import { PURPOSE_LABELS, shortText } from './describe';

export function CookieTable({ report }: { report: Report }) {
  const rows = cookieRows(report);
  return (
    <section aria-labelledby="cookies-heading">
      <h2 id="cookies-heading">Cookies ({rows.length})</h2>
      <table class="cookies" data-testid="cookies">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Vendor</th>
            <th scope="col">Purpose</th>
            <th scope="col">Party</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, latest, violated, seenAs }) => (
            <tr key={key} class={violated ? 'violated' : ''} data-cookie={latest.name}>
              <td title={`${latest.domain}${latest.path ?? ''} — seen as ${seenAs.join(', ')}`}>
                {shortText(latest.name || '(no name)', 40)}
              </td>
              <td>{latest.vendor ?? 'Unknown'}</td>
              <td title={latest.classificationReason}>{PURPOSE_LABELS[latest.purpose]}</td>
              <td>{latest.party === 'first-party' ? 'First' : 'Third'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
