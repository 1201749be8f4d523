#!/usr/bin/env node
import { EnvironmentError, UsageError } from '../harness/usage-error';
import { CLI_USAGE } from './cli-usage';
import { main } from './main';

// The package's command. Kept apart from main.ts so that tests can call main() without exiting.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof EnvironmentError
        ? error.message
        : error instanceof UsageError
          ? `${error.message}\n\n${CLI_USAGE}`
          : error,
    );
    process.exit(2);
  },
);
