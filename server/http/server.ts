import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DeliveryLog } from '../remotes/webhooks.ts';
import { StackService } from '../stacks/service.ts';
import { LOOPBACK_HOSTNAMES } from './guard.ts';
import { hostForUrl } from './options.ts';
import type { ServerOptions } from './options.ts';
import { handleRequest } from './router.ts';
import type { RouterContext } from './router.ts';

export interface RunningServer {
  readonly server: Server;
  readonly port: number;
  /** Where a person on this machine opens Cairn. */
  readonly url: string;
  readonly stacks: StackService;
  close(): Promise<void>;
}

export interface StartOptions extends ServerOptions {
  readonly log?: (line: string) => void;
  readonly maxGitBody?: number;
  /** External stacks' polling interval in ms (default 45 s; 0: off). */
  readonly pollIntervalMs?: number;
}

/** Bind addresses that `localhost` reaches (browsers try both ::1 and 127.0.0.1). */
const LOCALHOST_REACHABLE = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);

/** Binds, then serves. The CSRF token is new on every launch. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const csrfToken = randomBytes(32).toString('hex');
  const log = options.log ?? ((line: string) => console.error(line));
  const stacks = await StackService.open({
    dataDir: options.dataDir, samplesDir: options.samplesDir, log, ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
  });
  const deliveries = await DeliveryLog.open(join(options.dataDir, 'webhook-deliveries.json'), log);
  let ctx: RouterContext | null = null;
  // The guard answers a missing Host itself (403 HOST_NOT_ALLOWED, with our headers).
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    // ctx is set once listening, before the first connection can be accepted.
    if (ctx) void handleRequest(req, res, ctx);
    else res.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx = {
    policy: { port, hostnames: [...LOOPBACK_HOSTNAMES, ...options.allowedHosts], csrfToken },
    distDir: options.distDir,
    samplesDir: options.samplesDir,
    serveSourceMaps: options.serveSourceMaps,
    csrfToken,
    dev: options.dev,
    log,
    stacks,
    deliveries,
    ...(options.maxGitBody !== undefined ? { maxGitBody: options.maxGitBody } : {}),
  };
  stacks.startPolling();
  const name = LOCALHOST_REACHABLE.has(options.host) ? 'localhost' : hostForUrl(options.host);
  return {
    server,
    port,
    url: `http://${name}:${port}/`,
    stacks,
    close: async () => {
      stacks.stop();
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      await deliveries.flush();
    },
  };
}
