import { defineConfig } from '@playwright/test';
import type { InspectorOptions } from 'jeejio-privacy-inspector/playwright';

// A team's own Playwright config, as the README shows it: the staging server answers for the
// production names through host rules given by CI, and its self-signed certificate is accepted.
export default defineConfig<InspectorOptions>({
  testDir: '.',
  workers: 1,
  timeout: 60_000,
  use: {
    ignoreHTTPSErrors: true,
    inspectorHostRules: process.env.INSPECTOR_HOST_RULES,
  },
});
