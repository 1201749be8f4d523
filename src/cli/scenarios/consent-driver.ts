import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Frame } from 'playwright-core';
import type { ConsentOutcome } from '../../core/report/report-scenario';

/**
 * Answers consent banners with DuckDuckGo's autoconsent (MPL-2.0), the rule
 * set peers use (tracker-radar-collector): its content script is put in every
 * frame before the page's own scripts, and its messages come back here, where
 * the outcome of each banner is kept for the report.
 */
export class ConsentDriver {
  private readonly outcomes = new Map<string, ConsentOutcome>();

  private constructor(private readonly action: 'accept' | 'reject') {}

  static async install(context: BrowserContext, action: 'accept' | 'reject'): Promise<ConsentDriver> {
    const driver = new ConsentDriver(action);
    const { script, rules } = autoconsentFiles();
    const config = {
      enabled: true,
      // Answered from here once the banner is found, so the choice is dated before the click.
      autoAction: null,
      disabledCmps: [],
      // Hiding banners before they are answered would change what the page's screenshot shows.
      enablePrehide: false,
      // A banner only hidden by CSS was answered by nobody: such rules are not run.
      enableCosmeticRules: false,
      enableGeneratedRules: true,
      detectRetries: 20,
      isMainWorld: false,
      prehideTimeout: 2000,
      enableHeuristicDetection: false,
      enablePopupMutationObserver: false,
      visualTest: false,
      logs: {
        lifecycle: false,
        rulesteps: false,
        detectionsteps: false,
        evals: false,
        errors: false,
        messages: false,
        waits: false,
      },
    };
    await context.exposeBinding(
      'autoconsentSendMessage',
      async ({ frame }: { frame: Frame }, message: unknown) => {
        if (!message || typeof message !== 'object') return;
        const reply = (answer: unknown) =>
          frame
            .evaluate(
              (m) =>
                (
                  window as unknown as { autoconsentReceiveMessage?: (m: unknown) => unknown }
                ).autoconsentReceiveMessage?.(m),
              answer,
            )
            .catch(() => {});
        const m = message as {
          type?: string;
          cmp?: string;
          url?: string;
          result?: boolean;
          id?: string;
          code?: string;
        };
        switch (m.type) {
          case 'init':
            return reply({ type: 'initResp', config, rules });
          case 'eval': {
            const result = await frame.evaluate(m.code ?? 'false').catch(() => false);
            return reply({ type: 'evalResp', id: m.id, result });
          }
          case 'popupFound':
            driver.heard(m, frame);
            return reply({ type: action === 'accept' ? 'optIn' : 'optOut' });
          default:
            driver.heard(m, frame);
        }
      },
    );
    await context.addInitScript({ content: script });
    return driver;
  }

  /** Each banner seen, one per page, in the order first seen. */
  results(): ConsentOutcome[] {
    return [...this.outcomes.values()];
  }

  private heard(m: { type?: string; cmp?: string; url?: string; result?: boolean }, frame: Frame): void {
    if (m.cmp === undefined) return;
    // A banner in a frame is the top page's banner.
    const pageUrl = frame.page().url();
    const outcome =
      this.outcomes.get(pageUrl) ??
      ({
        pageUrl,
        cmp: m.cmp,
        popupShown: false,
        action: this.action,
        succeeded: false,
      } satisfies ConsentOutcome);
    outcome.cmp = m.cmp;
    // Dated before the answer is sent: whatever the page stores after this, it stored after the choice.
    if (m.type === 'popupFound') {
      outcome.popupShown = true;
      outcome.decidedAt ??= new Date().toISOString();
    }
    if (m.type === 'optInResult' || m.type === 'optOutResult') outcome.succeeded = m.result === true;
    this.outcomes.set(pageUrl, outcome);
  }
}

/** The content script built for automation, and the rules, from the installed package. */
function autoconsentFiles(): { script: string; rules: unknown } {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckduckgo/autoconsent'));
  return {
    script: readFileSync(join(dist, 'autoconsent.playwright.js'), 'utf8'),
    rules: JSON.parse(readFileSync(require.resolve('@duckduckgo/autoconsent/rules/rules.json'), 'utf8')),
  };
}
