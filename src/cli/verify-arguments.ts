import { parseArgs } from 'node:util';
import { UsageError } from '../harness/usage-error';
import { plainOptionError } from './nearest-word';

export interface VerifyArguments {
  bundle: string;
  /** The signing key's fingerprint as received apart from the bundle. */
  fingerprint?: string;
  /** Trust lists (PEM or DER certificates) for the bundle's timestamp token. */
  tsaCerts?: string[];
  help: boolean;
}

export const VERIFY_USAGE = `Usage: jeejio-privacy-inspector verify BUNDLE.zip [--fingerprint HEX] [--tsa-cert FILE]
       (in a clone of the repository: npm run verify -- BUNDLE.zip [--fingerprint HEX] [--tsa-cert FILE])

Checks an evidence bundle written by audit ... --bundle BUNDLE.zip: every file
against the signed manifest, the manifest's signature, the seal over every byte of the zip,
the chain of observations against the signed head, and that every violation cites
observations the chain holds; and its RFC 3161 timestamp, if it has one: that the token
stamps this manifest, its signature, the TSA's certificate against --tsa-cert, and that no
time the recorder wrote is after the trusted time. Says what is wrong and where.
Exit code: 0 intact and signed by the key --fingerprint names; 1 tampered (cut, bytes put
before or after the zip, any byte changed, a file added, removed, duplicated or named with
"..", a key other than --fingerprint); 2 unreadable (an empty file, no zip, a zip with neither
seal nor manifest) or a usage error; 3 intact, but no --fingerprint given, so who signed it
was not checked, or a timestamp not checked against --tsa-cert (or --tsa-cert given and the
bundle has no timestamp). A token for another manifest, an altered one, one from a TSA
--tsa-cert does not vouch for, or recorded times after the trusted time: exit 1.

Options:
  --fingerprint HEX   The signing key's fingerprint as the auditor gave it to you (spaces and
                      colons are ignored). Without it the bundle is checked against the key it
                      carries: that proves it unchanged since it was signed, not who signed it,
                      and the exit code is 3, not 0.
  --tsa-cert FILE     The certificate of the time-stamping authority, or of the CA above it,
                      as you got it from the TSA (PEM, one or more certificates, or DER);
                      may be given more than once. The bundle's token must chain to one.
  -h, --help          Show this help`;

export function parseVerifyArguments(argv: string[]): VerifyArguments {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(
      plainOptionError(error instanceof Error ? error.message : String(error), VERIFY_OPTIONS),
    );
  }
  const { values, positionals } = parsed;
  if (values.help) return { bundle: '', help: true };
  if (positionals.length !== 1) throw new UsageError('Give exactly one bundle to verify.');
  const fingerprint = values.fingerprint?.replace(/[\s:]/g, '').toLowerCase();
  if (fingerprint !== undefined && !/^[0-9a-f]{64}$/.test(fingerprint)) {
    throw new UsageError(
      `--fingerprint must be 64 hexadecimal digits (a SHA-256), not ${values.fingerprint}`,
    );
  }
  const tsaCerts = values['tsa-cert'];
  return {
    bundle: positionals[0] as string,
    help: false,
    ...(fingerprint !== undefined && { fingerprint }),
    ...(tsaCerts !== undefined && { tsaCerts }),
  };
}

const VERIFY_OPTIONS = {
  fingerprint: { type: 'string' },
  'tsa-cert': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: VERIFY_OPTIONS,
  });
}
