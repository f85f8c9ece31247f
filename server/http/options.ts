import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOOPBACK_HOSTNAMES } from './guard.ts';

export interface ServerOptions {
  /** The address to bind; loopback unless `team` is set. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly team: boolean;
  /** Extra host names a Host header may carry (team mode), besides the loopback names. */
  readonly allowedHosts: readonly string[];
  readonly distDir: string;
  readonly samplesDir: string;
  /** Where stacks live: bare repositories under `repos/` and `stacks.json` (docs/server.md). */
  readonly dataDir: string;
  readonly serveSourceMaps: boolean;
  /** Relaxes the CSP for webpack's eval source maps. */
  readonly dev: boolean;
}

export type ParsedOptions = { readonly ok: true; readonly options: ServerOptions } | { readonly ok: false; readonly message: string };

export const DEFAULT_PORT = 5757;
export const DEFAULT_HOST = '127.0.0.1';

const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV6 = /^[0-9a-f:.]+$/;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** How a bind address appears in a Host header or a URL: IPv6 in brackets. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The data directory when neither `--data` nor `CAIRN_DATA_DIR` names one:
 * `$XDG_DATA_HOME/cairn`, else `~/.local/share/cairn`. Outside the checkout, so that a
 * `git clean` or a reinstall never takes the user's stacks with it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_DATA_HOME;
  return xdg && isAbsolute(xdg) ? join(xdg, 'cairn') : join(homedir(), '.local', 'share', 'cairn');
}

/** Reads `--host`, `--port`, `--team`, `--allowed-host`, `--data`, `--dev` and their environment variables. */
export function parseServerOptions(argv: readonly string[], env: NodeJS.ProcessEnv, root: string): ParsedOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        team: { type: 'boolean', default: false },
        'allowed-host': { type: 'string', multiple: true },
        dev: { type: 'boolean', default: false },
        data: { type: 'string' },
      },
    }));
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
  const host = (values.host ?? env.CAIRN_HOST ?? DEFAULT_HOST).toLowerCase();
  const rawPort = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = /^\d{1,5}$/.test(rawPort) ? Number(rawPort) : NaN;
  if (!(port >= 0 && port <= 65535)) return { ok: false, message: `--port must be 0 to 65535, not '${rawPort}'` };
  if (!HOSTNAME.test(host) && !IPV6.test(host)) return { ok: false, message: `--host '${host}' is not a host name or address` };
  if (values.data === '' || env.CAIRN_DATA_DIR === '') return { ok: false, message: '--data must name a directory' };
  const team = values.team ?? false;
  if (!isLoopback(host) && !team) {
    return { ok: false, message: `refusing to listen on ${host}: Cairn binds to loopback unless --team is given` };
  }
  const extra = [...(values['allowed-host'] ?? []), ...splitList(env.CAIRN_ALLOWED_HOSTS)].map((h) => h.toLowerCase());
  const badHost = extra.find((h) => !HOSTNAME.test(h) && !/^\[[0-9a-f:.]+\]$/.test(h));
  if (badHost !== undefined) return { ok: false, message: `--allowed-host '${badHost}' is not a host name` };
  const bound = host === '0.0.0.0' || host === '::' ? [] : [hostForUrl(host)];
  return {
    ok: true,
    options: {
      host,
      port,
      team,
      allowedHosts: [...new Set([...bound, ...extra])].filter((h) => !LOOPBACK_HOSTNAMES.includes(h)),
      distDir: join(root, 'dist'),
      samplesDir: join(root, 'public', 'samples'),
      dataDir: resolve(values.data ?? env.CAIRN_DATA_DIR ?? defaultDataDir(env)),
      serveSourceMaps: env.CAIRN_SERVE_SOURCEMAPS === '1',
      dev: values.dev ?? false,
    },
  };
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
