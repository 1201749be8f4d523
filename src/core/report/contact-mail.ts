/** Mail programs and browsers cut or refuse longer mailto links; 2,000 characters is the common safe bound. */
export const MAX_MAILTO_CHARS = 2_000;

/**
 * A `mailto:` link with a subject and a body of lines, within `maxChars` once
 * encoded. Lines that do not fit are left out whole and said to be, by the
 * caller's `more(n)` line, so the reader of the mail knows the list is longer.
 */
export function mailtoHref(
  mail: {
    to: string;
    subject: string;
    intro: readonly string[];
    lines: readonly string[];
    outro: readonly string[];
  },
  more: (omitted: number) => string,
  maxChars = MAX_MAILTO_CHARS,
): { href: string; omitted: number } {
  const href = (lines: readonly string[]) =>
    `mailto:${encodeURIComponent(mail.to).replace('%40', '@')}?subject=${encodeURIComponent(mail.subject)}&body=${encodeURIComponent(lines.join('\n'))}`;
  let kept = mail.lines.length;
  for (;;) {
    const omitted = mail.lines.length - kept;
    const body = [
      ...mail.intro,
      ...mail.lines.slice(0, kept),
      ...(omitted > 0 ? [more(omitted)] : []),
      ...mail.outro,
    ];
    const link = href(body);
    if (link.length <= maxChars || kept === 0) return { href: link, omitted };
    kept--;
  }
}
