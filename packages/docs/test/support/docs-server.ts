import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serveScript = fileURLToPath(new URL('../../../../scripts/serve-docs.js', import.meta.url));

export interface DocsServer {
  origin: string;
  /** The AutoCollect API of the sandbox `npm start` serves beside the docs. */
  sandboxUrl: string;
  /** Everything it printed. */
  output: string;
  stop(): void;
}

/** Starts the server `npm start` runs, on free ports, and waits for the addresses it prints. */
export async function startDocsServer(): Promise<DocsServer> {
  const child = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0', SANDBOX_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += chunk;
      if (printed.includes('Press Ctrl+C')) resolve(printed);
    });
    child.once('exit', (code) =>
      reject(new Error(`serve-docs exited with ${code} before printing its addresses: ${printed}`)),
    );
  });
  const address = (pattern: RegExp) => pattern.exec(output)?.[1] ?? '';
  return {
    origin: address(/docs: (http:\/\/127\.0\.0\.1:\d+)/),
    sandboxUrl: address(/sandbox: +(http:\/\/127\.0\.0\.1:\d+\/collection\/v1)/),
    output,
    stop: () => child.kill(),
  };
}
