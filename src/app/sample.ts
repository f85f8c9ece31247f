import { parseSampleList } from '../protocol/samples.ts';
import type { SampleInfo } from '../protocol/samples.ts';

/** Loads the starter gallery (`GET /api/samples`) and sample templates (`GET /api/samples/<name>`). */

export type SampleResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: string; readonly message: string };

export type FetchText = (url: string, init?: RequestInit) => Promise<Response>;

export function sampleUrl(name: string): string {
  return `/api/samples/${encodeURIComponent(name)}`;
}

export async function fetchSample(name: string, fetchFn: FetchText, signal?: AbortSignal): Promise<SampleResult> {
  let res: Response;
  try {
    res = await fetchFn(sampleUrl(name), { headers: { accept: 'application/yaml, text/plain' }, signal });
  } catch (err) {
    return { ok: false, code: 'NETWORK', message: `Could not reach the Cairn server: ${String(err)}` };
  }
  if (res.ok) return { ok: true, text: await res.text() };
  return { ok: false, ...(await errorOf(res)) };
}

export type SampleListResult =
  | { readonly ok: true; readonly samples: readonly SampleInfo[] }
  | { readonly ok: false; readonly code: string; readonly message: string };

export async function fetchSampleList(fetchFn: FetchText, signal?: AbortSignal): Promise<SampleListResult> {
  let res: Response;
  try {
    res = await fetchFn('/api/samples', { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    return { ok: false, code: 'NETWORK', message: `Could not reach the Cairn server: ${String(err)}` };
  }
  if (!res.ok) return { ok: false, ...(await errorOf(res)) };
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const parsed = parseSampleList(body);
  return parsed.ok ? { ok: true, samples: parsed.list.samples } : { ok: false, code: 'SAMPLES_INVALID', message: `The server's list of starters is not valid: ${parsed.message}.` };
}

/** The server answers errors as `{ code, message }`; anything else becomes `HTTP_<status>`. */
async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const fallback = { code: `HTTP_${res.status}`, message: `The server answered ${res.status} ${res.statusText}.` };
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
      const { code, message } = body;
      if (typeof code === 'string' && typeof message === 'string') return { code, message };
    }
  } catch {
    // Not JSON (a proxy's error page, say): the status line is all we have.
  }
  return fallback;
}
