/**
 * Serves a build with Cairn's own server (same headers, CSP and CSRF token as `npm start`),
 * in this process, on the first free loopback port of a range: 5904-5909 by default, or
 * `CAIRN_BENCH_PORTS` (`5904-5909`, `6000`, or `0` for any free port).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../server/http/server.ts';
import type { RunningServer } from '../../server/http/server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function benchPorts(spec = process.env.CAIRN_BENCH_PORTS ?? '5904-5909'): number[] {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(spec.trim());
  if (!m) throw new Error(`CAIRN_BENCH_PORTS must be a port or a range like 5904-5909, not '${spec}'`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from || to > 65535) throw new Error(`CAIRN_BENCH_PORTS: bad range '${spec}'`);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export async function serve(distDir: string): Promise<RunningServer & { origin: string }> {
  const ports = benchPorts();
  let last: unknown;
  for (const port of ports) {
    try {
      const running = await startServer({
        host: '127.0.0.1',
        port,
        team: false,
        allowedHosts: [],
        distDir,
        samplesDir: join(ROOT, 'public', 'samples'),
        dataDir: mkdtempSync(join(tmpdir(), 'cairn-bench-data-')),
        serveSourceMaps: false,
        dev: false,
        log: (line) => console.error(line),
      });
      return Object.assign(running, { origin: `http://127.0.0.1:${running.port}` });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      last = e;
    }
  }
  throw new Error(`no free port in ${ports[0]}-${ports[ports.length - 1]} (set CAIRN_BENCH_PORTS): ${String(last)}`);
}
