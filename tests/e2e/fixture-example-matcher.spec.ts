import { type DemoSite, startDemoSite } from '../../src/demo-site/server';
import { expect, test } from '../../src/playwright/index';

/** toHaveNoViolations in this project's own suite: the demo site stands in for a team's staging server. */
const demoTest = test.extend<{ ignoreHTTPSErrors: boolean }, { demoSite: DemoSite }>({
  demoSite: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const site = await startDemoSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  inspectorHostRules: async ({ demoSite }, use) => {
    await use(demoSite.hostRules);
  },
  ignoreHTTPSErrors: true,
});

demoTest('fails with the rule, subject, clause and page of each violation', async ({ page, inspector }) => {
  await page.goto('https://www.jeejio.com/');
  let failure: Error | undefined;
  try {
    await expect(inspector).toHaveNoViolations({ failOn: 'high' });
  } catch (error) {
    failure = error as Error;
  }
  expect(failure?.message).toMatch(
    /^Expected no privacy violations at or above high severity; found \d+ finding\(s\) \(\d+ rule violation\(s\)\):/,
  );
  expect(failure?.message).toMatch(
    /HIGH finding f-\w+\n\s+cookie-sensitive-in-clear: user_phone@www\.jeejio\.com\/\n\s+breaks §\d+ "[^"]+" \(lines? [\d–]+\)\n\s+on https:\/\/www\.jeejio\.com\/\n/,
  );
  expect(failure?.message).not.toMatch(/MEDIUM|LOW/);
});

demoTest(
  'passes on a page with nothing to report, and when the rules found are excepted',
  async ({ page, inspector }) => {
    await page.goto('https://www.jeejio.com/clean');
    await expect(inspector).toHaveNoViolations();
    await page.goto('https://iot.jeejio.com/shop');
    await expect(inspector).toHaveNoViolations({
      except: ['cookie-undeclared-purpose', 'cookie-third-party-recipient', 'hit-undeclared-purpose'],
    });
    await expect(inspector).not.toHaveNoViolations({
      except: ['cookie-undeclared-purpose', 'cookie-third-party-recipient'],
    });
  },
);

demoTest('refuses an except naming a rule the policy does not have', async ({ inspector }) => {
  await expect(expect(inspector).toHaveNoViolations({ except: ['statistics-cookie'] })).rejects.toThrow(
    /except names "statistics-cookie", which the policy has no rule for\. Its rules are: cookie-undeclared-purpose, /,
  );
});

demoTest('fails when the test opened no page: nothing judged is no pass', async ({ inspector }) => {
  await expect(expect(inspector).toHaveNoViolations()).rejects.toThrow(/The inspector judged no page/);
});
