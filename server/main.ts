// The Cairn server: `cairn serve [--port N] [--host H] [--data DIR] [--team] [--dev]`, or
// `node --import tsx server/main.ts ...`. `npm start` builds the app first and then runs this
// (scripts/start.mjs). Stacks live in the data directory (docs/server.md).
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseServerOptions } from './http/options.ts';
import { startServer } from './http/server.ts';
import type { RunningServer } from './http/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts the server; resolves to null (with process.exitCode set) when it cannot. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunningServer | null> {
  const parsed = parseServerOptions(argv, env, root);
  if (!parsed.ok) {
    console.error(`cairn: ${parsed.message}`);
    process.exitCode = 2;
    return null;
  }
  const { options } = parsed;
  let running: RunningServer;
  try {
    running = await startServer(options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ` (port ${options.port} is in use; try --port 0 for a free one)` : '';
    if (code === undefined || !['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].includes(code)) {
      console.error(`cairn: cannot start: ${(err as Error).message}`);
      process.exitCode = 1;
      return null;
    }
    console.error(`cairn: cannot listen on ${options.host}:${options.port}: ${(err as Error).message}${hint}`);
    process.exitCode = 1;
    return null;
  }
  if (options.team) {
    console.warn(`cairn: team mode, listening on ${options.host}:${running.port}. There is no sign-in yet:`);
    console.warn('cairn: anyone who can reach this address and host name can use this server.');
    console.warn(`cairn: accepted host names: localhost, 127.0.0.1, [::1]${options.allowedHosts.map((h) => `, ${h}`).join('')}`);
  }
  console.log(`Cairn is running at ${running.url} (stacks in ${options.dataDir})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void running.close().finally(() => process.exit(0)));
  }
  return running;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main(process.argv.slice(2));
}
