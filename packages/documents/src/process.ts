import { spawn } from 'node:child_process';
import { DocumentRenderError } from './errors.ts';

/** Output of a finished child process. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of `runTool`. */
export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs: number;
  /** Chinese name of the tool for messages, e.g. "LibreOffice (soffice)". */
  label: string;
}

/**
 * Runs `command` with `args` in its own process group, killing the whole group when
 * `timeoutMs` passes. Rejects with a `DocumentRenderError` when the command is missing or
 * times out; resolves with the exit status otherwise.
 */
export function runTool(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') {
        reject(
          new DocumentRenderError(
            'TOOL_MISSING',
            `未找到 ${options.label}（命令 ${command}），请先安装（见 packages/documents/scripts/ci-deps.sh）`,
            error.message,
          ),
        );
      } else {
        reject(
          new DocumentRenderError('CONVERSION_FAILED', `无法启动 ${options.label}`, error.message),
        );
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        reject(
          new DocumentRenderError(
            'TIMEOUT',
            `${options.label} 在 ${Math.round(options.timeoutMs / 1000)} 秒内未完成，已终止`,
            stderr,
          ),
        );
        return;
      }
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** A counting semaphore: at most `limit` tasks run at once, the rest wait in order. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('并发数必须是正整数');
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
