import { checkTsaUrl, MAX_TSA_URL_LENGTH, type TsaUrlProblem } from '../core/settings/timestamp-setting';

const REASONS: Record<TsaUrlProblem, (text: string) => string> = {
  empty: () => '--tsa takes the URL of a time-stamping authority (http:// or https://)',
  'too-long': () => `--tsa takes a URL of at most ${MAX_TSA_URL_LENGTH} characters`,
  'not-a-url': (text) =>
    `--tsa takes the URL of a time-stamping authority (http:// or https://), not ${text}`,
  scheme: (text) => `--tsa takes an http:// or https:// URL, not ${text}`,
  credentials: () => '--tsa takes a URL without a user name or password in it',
};

/** `--tsa`'s value as a URL, checked as the extension's setting is; or why it is none. */
export function parseTsaUrl(text: string): URL {
  const checked = checkTsaUrl(text);
  if ('problem' in checked) throw new Error(REASONS[checked.problem](text));
  return checked.url;
}
