import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './fixtures';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's commands as CI does, in its own process, without blocking the demo site's server. */
export function runCommand(
  command: 'audit' | 'verify',
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  return runNode(['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), command, ...args], {
    ...process.env,
    ...env,
  });
}

/** Node in the project folder with these arguments and exactly this environment; its output collected. */
export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The audit command (src/cli/audit.ts). */
export function audit(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runCommand('audit', args, env);
}

/** A fresh directory with the given files, for a config and the output of one run. */
export async function workDir(files: Record<string, unknown> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'audit-'));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(
      join(dir, name),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  return dir;
}

/**
 * Audits pages of the demo site as most specs do: into a fresh folder, through the site's host
 * rules, its self-signed certificate accepted, with the options given after those.
 */
export async function auditDemoSite(
  site: { hostRules: string },
  urls: string[],
  options: string[] = [],
): Promise<{ run: Run; out: string }> {
  const out = await workDir();
  const run = await audit([
    ...urls,
    '--out',
    out,
    '--host-rules',
    site.hostRules,
    '--ignore-https-errors',
    ...options,
  ]);
  return { run, out };
}
