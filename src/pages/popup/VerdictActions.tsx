import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JEEJIO_CONTACT } from '../../core/policy/jeejio-contact';
import { mailtoHref } from '../../core/report/contact-mail';
import type { Finding, Violation } from '../../core/report/report-types';
import { cookieQueryAllPartitions } from '../../stores/cookie-query';
import { clauseLocation, dateTimeText, phraseText, t } from '../shared/i18n';

/**
 * What a person can do about a page that breaks the policy: write to Jeejio
 * at the address the policy gives, the findings filled in, and clear the
 * site's cookies. Recording evidence sits at the top of the popup.
 */
export function VerdictActions({
  pageUrl,
  findings,
  violations,
}: {
  pageUrl: string;
  findings: readonly Finding[];
  violations: readonly Violation[];
}) {
  if (findings.length === 0) return null;
  const byId = new Map(violations.map((v) => [v.id, v]));
  const lines = findings.map((f) => {
    const lead = byId.get(f.violationIds[0] ?? '');
    const summary = f.summaryPhrase ? phraseText(f.summaryPhrase) : f.summary;
    return lead ? `- ${summary} (${clauseLocation(lead.clause)})` : `- ${summary}`;
  });
  const where = clauseLocation({ section: JEEJIO_CONTACT.section, lines: JEEJIO_CONTACT.lines });
  const { href } = mailtoHref(
    {
      to: JEEJIO_CONTACT.email,
      subject: t('mail_subject', pageUrl),
      intro: [t('mail_intro', pageUrl, dateTimeText(Date.now())), ''],
      lines,
      outro: ['', t('mail_outro')],
    },
    (omitted) => t('mail_more', omitted),
  );
  return (
    <div class="verdict-actions" data-testid="verdict-actions">
      <a
        class="button"
        href={href}
        data-testid="contact-jeejio"
        title={t('action_contact_title', JEEJIO_CONTACT.email, where)}
      >
        {t('action_contact')}
      </a>
      <ClearSiteCookies pageUrl={pageUrl} />
    </div>
  );
}

type Clearing =
  | { step: 'idle' }
  | { step: 'asking'; site: string; count: number }
  | { step: 'done'; site: string; count: number };

/** The site whose cookies go: the page's registrable domain, and its subdomains. */
async function siteOf(pageUrl: string): Promise<string> {
  // Loaded on the click: the public-suffix data is not what opening the popup should wait for.
  const { registrableDomain } = await import('../../core/classify/party');
  const host = new URL(pageUrl).hostname;
  return registrableDomain(host) ?? host;
}

/** Removes the cookies of the page's site (its registrable domain and subdomains), after asking. */
function ClearSiteCookies({ pageUrl }: { pageUrl: string }) {
  const [state, setState] = useState<Clearing>({ step: 'idle' });
  const ask = async () => {
    const site = await siteOf(pageUrl);
    setState({
      step: 'asking',
      site,
      count: (await browser.cookies.getAll(cookieQueryAllPartitions({ domain: site }))).length,
    });
  };
  const remove = async (site: string) => {
    const cookies = await browser.cookies.getAll(cookieQueryAllPartitions({ domain: site }));
    await Promise.all(
      // Firefox names each cookie's first-party domain (first-party isolation), which removing it must repeat.
      cookies.map((c: (typeof cookies)[number] & { firstPartyDomain?: string }) =>
        browser.cookies.remove({
          url: `http${c.secure ? 's' : ''}://${c.domain.replace(/^\./, '')}${c.path}`,
          name: c.name,
          ...(c.storeId && { storeId: c.storeId }),
          ...(c.firstPartyDomain && { firstPartyDomain: c.firstPartyDomain }),
          ...(c.partitionKey && { partitionKey: c.partitionKey }),
        }),
      ),
    );
    setState({ step: 'done', site, count: cookies.length });
  };
  if (state.step === 'asking')
    return state.count === 0 ? (
      <p role="status">{t('clear_cookies_none', state.site)}</p>
    ) : (
      <fieldset class="confirm" aria-label={t('action_clear_cookies')}>
        <p>{t('clear_cookies_confirm', state.count, state.site)}</p>
        <button type="button" onClick={() => void remove(state.site)} data-testid="clear-cookies-confirm">
          {t('clear_cookies_do')}
        </button>{' '}
        <button type="button" onClick={() => setState({ step: 'idle' })}>
          {t('clear_cookies_cancel')}
        </button>
      </fieldset>
    );
  if (state.step === 'done') return <p role="status">{t('clear_cookies_done', state.count, state.site)}</p>;
  return (
    <button type="button" onClick={() => void ask()} data-testid="clear-cookies">
      {t('action_clear_cookies')}
    </button>
  );
}
