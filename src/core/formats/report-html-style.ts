import { sha256 } from '@noble/hashes/sha2.js';

/**
 * report.html's only style sheet. It is the one thing the page's CSP lets
 * run, by its hash, so it must stay a constant: nothing from a report is
 * ever put in it. Readable on screen, light or dark, and on paper.
 */
export const REPORT_HTML_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fff; --muted: #5d5d66; --line: #d7d7de;
  --high: #b3261e; --medium: #8a5300; --low: #36577a; --ok: #1e6b34; --band: #f3f3f6; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6ea; --bg: #151518; --muted: #a3a3ad; --line: #3a3a42;
  --high: #ff8a80; --medium: #ffc46b; --low: #9cc3ff; --ok: #7fd99a; --band: #222228; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; font: 15px/1.5 system-ui, sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
nav ul { display: flex; flex-wrap: wrap; gap: 0 1.25rem; list-style: none; padding: 0; }
.muted, .meta { color: var(--muted); }
.verdict { font-size: 1.2rem; font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line);
  overflow-wrap: break-word; }
th { background: var(--band); }
.violation { border-left: 4px solid var(--line); padding: 0.25rem 0 0.25rem 0.75rem; margin: 0.75rem 0; }
.violation.high { border-color: var(--high); } .violation.medium { border-color: var(--medium); }
.violation.low { border-color: var(--low); }
.severity { font-weight: 700; text-transform: uppercase; font-size: 0.8rem; }
.severity.high, .status-violated { color: var(--high); } .severity.medium { color: var(--medium); }
.severity.low { color: var(--low); } .status-kept { color: var(--ok); } .status-contradicts-itself { color: var(--medium); }
.claim { font-weight: 600; color: var(--medium); }
code, .value { font-family: ui-monospace, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
.evidence { margin: 0.25rem 0 0; padding-left: 1.25rem; }
.more { font-style: italic; color: var(--muted); }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --line: #999; --band: #eee; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr, .violation { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The CSP source that lets exactly this style sheet apply: 'sha256-…' of its text. */
export const REPORT_HTML_STYLE_SOURCE = `'sha256-${toBase64(sha256(new TextEncoder().encode(REPORT_HTML_CSS)))}'`;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
