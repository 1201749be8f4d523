import { UsageError } from '../harness/usage-error';

/** The URLs an audit can visit: http(s) only. Returns the message for one it cannot, or undefined. */
export function auditUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `Not a URL: ${text}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `Only http(s) URLs can be audited: ${text}`;
  }
  return undefined;
}

export function requireAuditUrl(text: string): string {
  const problem = auditUrlProblem(text);
  if (problem !== undefined) throw new UsageError(problem);
  return text;
}
