import { parseArgs } from 'node:util';
import { UsageError } from './find-chromium';

export interface AuditArguments {
  urls: string[];
  outDir: string;
  hostRules?: string;
  ignoreHttpsErrors: boolean;
  extensionDir?: string;
  pageTimeoutMs?: number;
  /** Where to write a signed evidence bundle, if anywhere. */
  bundle?: string;
  help: boolean;
}

export const AUDIT_USAGE = `Usage: npm run audit -- <url...> --out DIR [options]

Visits each URL in Chromium with Jeejio Privacy Inspector loaded, writes DIR/report.json
and prints a summary. Exit code: 0 no violation, 1 violations found, 2 usage or browser error
(or a page that could not be loaded).

Options:
  --out DIR                Where to write report.json (required)
  --host-rules RULES       Chromium --host-resolver-rules, e.g. "MAP www.jeejio.com 10.0.0.5"
  --ignore-https-errors    Accept self-signed certificates (staging, fixtures)
  --extension DIR          Built extension to load (default .output/chrome-mv3-audit)
  --timeout MS             Per-page load timeout (default 30000)
  --bundle FILE.zip        Also write a signed evidence bundle (report, chained observations,
                           HAR, findings.csv, screenshots), signed with a key made for this run;
                           check it with npm run verify -- FILE.zip
  -h, --help               Show this help

Environment: CHROME_PATH selects the browser (default /usr/bin/chromium).`;

export function parseAuditArguments(argv: string[]): AuditArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { urls: [], outDir: '', ignoreHttpsErrors: false, help: true };
  if (positionals.length === 0) throw new UsageError('Give at least one URL to audit.');
  for (const url of positionals) {
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(url);
    } catch {
      throw new UsageError(`Not a URL: ${url}`);
    }
    if (parsedUrl.protocol !== 'https:' && parsedUrl.protocol !== 'http:') {
      throw new UsageError(`Only http(s) URLs can be audited: ${url}`);
    }
  }
  if (!values.out) throw new UsageError('--out DIR is required.');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new UsageError(`--timeout must be a positive number of milliseconds, not ${values.timeout}`);
  }
  return {
    urls: positionals,
    outDir: values.out,
    ignoreHttpsErrors: values['ignore-https-errors'] ?? false,
    help: false,
    ...(values['host-rules'] !== undefined && { hostRules: values['host-rules'] }),
    ...(values.extension !== undefined && { extensionDir: values.extension }),
    ...(timeout !== undefined && { pageTimeoutMs: timeout }),
    ...(values.bundle !== undefined && { bundle: values.bundle }),
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      'host-rules': { type: 'string' },
      'ignore-https-errors': { type: 'boolean' },
      extension: { type: 'string' },
      timeout: { type: 'string' },
      bundle: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
