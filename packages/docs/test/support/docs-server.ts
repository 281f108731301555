import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serveScript = fileURLToPath(new URL('../../../../scripts/serve-docs.js', import.meta.url));

export interface DocsServer {
  origin: string;
  /** The AutoCollect API of the sandbox `npm start` serves beside the docs. */
  sandboxUrl: string;
  /** Everything it printed so far: the banner, then a line per request the sandbox answered. */
  readonly output: string;
  stop(): void;
  /** Ctrl+C: sends SIGINT, and resolves with its exit code once it has exited. */
  interrupt(): Promise<number | null>;
}

/**
 * Starts the server `npm start` runs, on free ports (with `env` besides), and waits for the
 * addresses it prints.
 */
export async function startDocsServer(env: Record<string, string> = {}): Promise<DocsServer> {
  const child = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0', SANDBOX_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  child.stdout.on('data', (chunk) => {
    printed += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const banner = () => {
      // The banner is one write, ending with the next steps.
      if (printed.includes('Press Ctrl+C') && /^ {4}console\.log\(.*\);$/m.test(printed)) {
        child.stdout.off('data', banner);
        child.off('exit', early);
        resolve();
      }
    };
    const early = (code: number | null) =>
      reject(new Error(`serve-docs exited with ${code} before printing its addresses: ${printed}`));
    child.stdout.on('data', banner);
    child.once('exit', early);
  });
  const address = (pattern: RegExp) => pattern.exec(printed)?.[1] ?? '';
  return {
    origin: address(/docs: (http:\/\/127\.0\.0\.1:\d+)/),
    sandboxUrl: address(/sandbox: +(http:\/\/127\.0\.0\.1:\d+\/collection\/v1)/),
    get output() {
      return printed;
    },
    stop: () => child.kill(),
    interrupt: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGINT');
      }),
  };
}
