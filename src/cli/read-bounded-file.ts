import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../harness/usage-error';

/**
 * Reads a text file the user pointed at, refusing one larger than `maxBytes`
 * before reading it (a misnamed log or disk image must not be loaded whole),
 * and turning "no such file" into a usage error that names the file.
 */
export async function readBoundedFile(path: string, maxBytes: number, what: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`The ${what} ${path} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `The ${what} ${path} does not exist.`
        : `Cannot read the ${what} ${path}: ${code ?? error}`,
    );
  }
  if (size > maxBytes) {
    throw new UsageError(`The ${what} ${path} is ${size} bytes; the limit is ${maxBytes}.`);
  }
  return readFile(path, 'utf8');
}
