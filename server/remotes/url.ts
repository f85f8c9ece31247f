import { problem } from '../http/problems.ts';
import type { Problem } from '../http/problems.ts';

const MAX_URL = 2048;

/**
 * An external stack's remote: an absolute http or https URL without credentials, query or
 * fragment (the relay appends `/info/refs?service=...`, `/git-upload-pack`, ...). Returns the
 * normalised URL (no trailing `/`) or a problem. `ext::`, `file://`, `ssh://`, `git://` and
 * scp-like `host:path` are refused: the server only ever speaks HTTP to a remote, itself.
 */
export function checkRemoteUrl(value: unknown): { url: string } | { problem: Problem } {
  const bad = (m: string) => ({ problem: problem(400, 'REMOTE_URL_INVALID', m) });
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL) return bad('"remote.url" must be an http or https URL.');
  if (/[\0-\x20\x7f]/.test(value)) return bad('"remote.url" may not contain spaces or control characters.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad('"remote.url" is not a URL (only http and https remotes are supported).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad(`Only http and https remotes are supported, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') {
    return { problem: problem(400, 'REMOTE_URL_CREDENTIALS', 'Do not put credentials in the URL: give the token as "remote.token" (kept on the server, never shown again).') };
  }
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) return bad('"remote.url" may not have a query or fragment.');
  if (url.hostname === '') return bad('"remote.url" has no host.');
  return { url: url.href.replace(/\/+$/, '') };
}
