import { UsageError } from '../harness/usage-error';
import { auditUrlProblem } from './audit-url';

/** A URL list is meant to be edited by hand; a megabyte is far more than any staging site needs. */
export const MAX_URL_LIST_BYTES = 1024 * 1024;

export interface UrlList {
  urls: string[];
  /** Lines that were accepted but are worth telling the tester about (a URL listed twice). */
  warnings: string[];
}

/**
 * The text of a --urls file: one URL per line; blank lines and lines starting
 * with # are skipped, and so is a trailing " # comment" (a URL holds no
 * whitespace, so a # after a space cannot be its fragment). Every bad line is
 * named, with its number, in one usage error, so a tester fixes them at once.
 */
export function parseUrlList(text: string, source: string): UrlList {
  const urls: string[] = [];
  const warnings: string[] = [];
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const lineNumber = i + 1;
    const line = raw
      .replace(/^\uFEFF/, '')
      .replace(/\s#.*$/, '')
      .trim();
    if (line === '' || line.startsWith('#')) return;
    if (/\s/.test(line)) {
      problems.push(`line ${lineNumber}: one URL per line, found "${line}"`);
      return;
    }
    const problem = auditUrlProblem(line);
    if (problem !== undefined) {
      problems.push(`line ${lineNumber}: ${problem}`);
      return;
    }
    const earlier = firstLine.get(line);
    if (earlier !== undefined) {
      warnings.push(
        `${source} line ${lineNumber}: ${line} is already listed on line ${earlier}; visiting it once.`,
      );
      return;
    }
    firstLine.set(line, lineNumber);
    urls.push(line);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '';
    throw new UsageError(`${source} has lines that are not URLs to audit:\n  ${shown.join('\n  ')}${more}`);
  }
  if (urls.length === 0) throw new UsageError(`${source} lists no URL (only blank lines and # comments).`);
  return { urls, warnings };
}
