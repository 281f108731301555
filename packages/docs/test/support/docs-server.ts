import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serveScript = fileURLToPath(new URL('../../../../scripts/serve-docs.js', import.meta.url));

export interface DocsServer {
  origin: string;
  stop(): void;
}

/** Starts the server `npm start` runs, on a free port, and waits for the URL it prints. */
export async function startDocsServer(): Promise<DocsServer> {
  const child = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`serve-docs exited with ${code} before printing a URL`)));
  });
  return { origin, stop: () => child.kill() };
}
