import { spawn } from 'node:child_process';

/**
 * Set on every git the server spawns: no prompts, no transports chosen by the remote's
 * content, and neither the machine's nor the user's git config (an `url.insteadOf` or a
 * credential helper there must not change what the server does).
 */
export const GIT_HARDENING: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_PROTOCOL_FROM_USER: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A minimal environment for git: PATH and the hardening, nothing else of ours. */
export function gitEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', ...GIT_HARDENING, ...extra };
}

export interface GitResult {
  /** null when killed (timeout). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly input?: string | Buffer;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

const MAX_OUTPUT = 16 * 1024 * 1024;

/** Runs `git ...args` (an argument array, never a shell) and collects its output. */
export function runGit(args: readonly string[], options: RunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd: options.cwd,
      env: gitEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_OUTPUT) into.push(chunk);
      else child.kill('SIGKILL');
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.stdin.on('error', () => {}); // git may exit before reading all of its input
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** Like runGit, but a non-zero exit is an error carrying git's stderr. */
export async function git(args: readonly string[], options: RunOptions = {}): Promise<string> {
  const r = await runGit(args, options);
  if (r.code !== 0) throw new GitCommandError(args[0] ?? 'git', r);
  return r.stdout;
}

export class GitCommandError extends Error {
  readonly code = 'GIT_FAILED';
  constructor(
    readonly command: string,
    readonly result: GitResult,
  ) {
    super(`git ${command} failed (${result.code ?? 'killed'}): ${result.stderr.trim().slice(0, 500)}`);
  }
}
