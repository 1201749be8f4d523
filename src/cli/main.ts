import { packageVersion } from '../harness/package-root';
import { EnvironmentError, UsageError } from '../harness/usage-error';
import { AUDIT_USAGE } from './audit-arguments';
import { CLI_USAGE, usageErrorText } from './cli-usage';
import { nearestWord } from './nearest-word';
import { VERIFY_USAGE } from './verify-arguments';

interface Command {
  usage: string;
  /** Loaded when run: `verify` need not load the browser harness, nor `--version` anything. */
  run: () => Promise<(argv: string[]) => Promise<number>>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  audit: { usage: AUDIT_USAGE, run: async () => (await import('./audit')).auditCommand },
  verify: { usage: VERIFY_USAGE, run: async () => (await import('./verify')).verifyCommand },
};

/** The command line of `jeejio-privacy-inspector` (and of `npm run audit`/`verify`): the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    console.log(CLI_USAGE);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    console.log(packageVersion());
    return 0;
  }
  const name = first === 'help' ? rest[0] : first;
  const command = name === undefined ? undefined : commandNamed(name);
  if (command === null) return 2;
  if (first === 'help' || command === undefined) {
    console.log(command ? command.usage : CLI_USAGE);
    return 0;
  }
  try {
    return await (await command.run())(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      // The options are shown when they were wrong, not when the machine lacks something.
      console.error(
        error instanceof EnvironmentError
          ? error.message
          : usageErrorText(error.message, command.usage, name ?? first),
      );
      return 2;
    }
    throw error;
  }
}

/** The command, or null once an unknown name was reported (with the nearest known one). */
function commandNamed(name: string): Command | null {
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command) return command;
  const known = Object.keys(COMMANDS);
  const near = nearestWord(name, known);
  console.error(
    `Unknown command "${name}"${near ? `; did you mean "${near}"?` : '.'} Commands: ${known.join(', ')}.\n\n${CLI_USAGE}`,
  );
  return null;
}
