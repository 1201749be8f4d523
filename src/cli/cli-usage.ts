/** What `jeejio-privacy-inspector --help` prints: the commands, then one example for each kind of user. */
export const CLI_USAGE = `Usage: jeejio-privacy-inspector <command> [options]
       (in a clone of the repository: npm run audit -- …, npm run verify -- …)

Checks what Jeejio's websites do with cookies, web beacons, browser storage and
fingerprinting against Jeejio's own privacy policy, clause by clause, in a real
Chromium with the inspector extension loaded (the package ships the built extension).

Commands:
  audit URL... --out DIR    Visit pages, write report.json (and html, junit, sarif, csv),
                            print a summary; exit 1 when a violation fails the run
  audit merge DIR... --out DIR
                            Merge the reports of an audit's shards (--shard i/n) into one
  verify BUNDLE.zip         Check an evidence bundle: files, signature, seal, chain
  help [command]            Show this help, or a command's options

Options:
  -h, --help                Show this help
  -v, --version             Print the version (the one every report names as tool.version)

Examples:
  A staging host served under the production name, with a self-signed certificate:
    npx jeejio-privacy-inspector audit https://www.jeejio.com/ --out audit-out \\
      --host-rules "MAP www.jeejio.com staging.internal:8443" --ignore-https-errors

  A CI gate that fails the build on a new high-severity problem, with JUnit for the CI:
    npx jeejio-privacy-inspector audit --urls pages.txt --out audit-out \\
      --format junit,sarif --fail-on high --config inspector.config.json

  A release compared with the last one: only new findings fail the build:
    npx jeejio-privacy-inspector audit --urls pages.txt --out audit-out \\
      --compare last-release/report.json --fail-on-new

  An evidence bundle for a third party, and its check:
    npx jeejio-privacy-inspector audit https://www.jeejio.com/ --out audit-out \\
      --bundle evidence.zip
    npx jeejio-privacy-inspector verify evidence.zip --fingerprint <KEY the audit printed>

Environment: CHROME_PATH selects the browser (default /usr/bin/chromium; branded Chrome
137+ cannot load the extension). Playwright tests: import from
"jeejio-privacy-inspector/playwright" (see the README).`;

/**
 * A usage error as printed: what was wrong, the command's synopsis, and how to
 * see every option. The whole help (eighty lines for `audit`) would push the
 * one line that matters off the screen.
 */
export function usageErrorText(message: string, usage: string, command: string): string {
  const synopsis = usage.split('\n\n')[0] ?? usage;
  const [script, ...sub] = command.split(' ');
  const inClone = `npm run ${script} -- ${[...sub, '--help'].join(' ')}`;
  return `${message}\n\n${synopsis}\n\nEvery option: jeejio-privacy-inspector ${command} --help (in a clone of the repository: ${inClone})`;
}
