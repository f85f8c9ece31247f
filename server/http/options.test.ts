import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseServerOptions } from './options.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseServerOptions(argv, env, '/repo');
const options = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = parse(argv, env);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.options;
};
const refusal = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const r = parse(argv, env);
  assert.equal(r.ok, false);
  return r.ok ? '' : r.message;
};

describe('parseServerOptions', () => {
  it('defaults to 127.0.0.1:5757, no team, no source maps', () => {
    const o = options([]);
    assert.equal(o.host, '127.0.0.1');
    assert.equal(o.port, 5757);
    assert.equal(o.team, false);
    assert.equal(o.serveSourceMaps, false);
    assert.equal(o.distDir, '/repo/dist');
    assert.equal(o.samplesDir, '/repo/public/samples');
    assert.deepEqual(o.allowedHosts, []);
  });

  it('takes the port from --port, then PORT', () => {
    assert.equal(options(['--port', '0']).port, 0);
    assert.equal(options([], { PORT: '8080' }).port, 8080);
    assert.equal(options(['--port=9000'], { PORT: '8080' }).port, 9000);
  });

  it('refuses a bad port', () => {
    for (const p of ['-1', '65536', 'http', '1e3', '']) assert.match(refusal(['--port', p]), /--port/);
  });

  it('takes the host from --host, then CAIRN_HOST', () => {
    assert.equal(options(['--host', '::1']).host, '::1');
    assert.equal(options([], { CAIRN_HOST: 'localhost' }).host, 'localhost');
  });

  it('refuses to listen beyond loopback without --team', () => {
    assert.match(refusal(['--host', '0.0.0.0']), /--team/);
    assert.match(refusal([], { CAIRN_HOST: '0.0.0.0' }), /--team/);
    assert.match(refusal(['--host', '::']), /--team/);
    assert.match(refusal(['--host', '192.168.1.20']), /--team/);
  });

  it('in team mode accepts the bound address and extra host names', () => {
    const o = options(['--host', '0.0.0.0', '--team', '--allowed-host', 'Cairn.Internal'], { CAIRN_ALLOWED_HOSTS: 'a.example, b.example' });
    assert.equal(o.team, true);
    assert.deepEqual(o.allowedHosts, ['cairn.internal', 'a.example', 'b.example']);
    assert.deepEqual(options(['--host', '192.168.1.20', '--team']).allowedHosts, ['192.168.1.20']);
  });

  it('refuses malformed host names', () => {
    assert.match(refusal(['--host', 'evil.example/x']), /--host/);
    assert.match(refusal(['--allowed-host', 'a b']), /--allowed-host/);
  });

  it('refuses unknown flags', () => {
    assert.match(refusal(['--open']), /open/);
  });

  it('keeps data in --data, then CAIRN_DATA_DIR, then XDG_DATA_HOME/cairn', () => {
    assert.equal(options(['--data', '/tmp/stacks']).dataDir, '/tmp/stacks');
    assert.equal(options([], { CAIRN_DATA_DIR: '/srv/cairn' }).dataDir, '/srv/cairn');
    assert.equal(options([], { XDG_DATA_HOME: '/home/u/.data' }).dataDir, '/home/u/.data/cairn');
    assert.match(options([], {}).dataDir, /[\\/]\.local[\\/]share[\\/]cairn$/);
    assert.match(refusal(['--data', '']), /--data/);
  });

  it('serves source maps only with CAIRN_SERVE_SOURCEMAPS=1', () => {
    assert.equal(options([], { CAIRN_SERVE_SOURCEMAPS: '1' }).serveSourceMaps, true);
    assert.equal(options([], { CAIRN_SERVE_SOURCEMAPS: 'true' }).serveSourceMaps, false);
  });
});
