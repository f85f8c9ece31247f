import type { CreateStackRequest, ImportStackRequest, StackInfo } from '../../protocol/stacks.ts';

/**
 * The stacks API as the page calls it (docs/server.md): same-origin requests, the per-launch
 * CSRF token (from the page's `<meta name="cairn-csrf">`) on every state change. Failures are
 * values with the server's `code`, never thrown.
 */

export const CSRF_HEADER = 'x-cairn-csrf';

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string; readonly message: string };

/** This launch's CSRF token, as the server wrote it into the page. */
export function csrfToken(doc: Pick<Document, 'querySelector'> | undefined = globalThis.document): string {
  return doc?.querySelector<HTMLMetaElement>('meta[name="cairn-csrf"]')?.content ?? '';
}

export const stackUrl = (name: string): string => `/api/stacks/${encodeURIComponent(name)}`;

/** The page that opens a stack in the editor. */
export const stackPageUrl = (name: string): string => `/?stack=${encodeURIComponent(name)}`;

async function call<T>(method: string, url: string, body?: unknown, fetchFn: typeof fetch = fetch): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { [CSRF_HEADER]: csrfToken() }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'same-origin',
    });
  } catch (e) {
    return { ok: false, code: 'NETWORK', message: `Could not reach the Cairn server: ${String(e)}` };
  }
  let json: unknown = null;
  try {
    json = res.status === 204 ? null : await res.json();
  } catch {
    // answered below
  }
  if (res.ok) return { ok: true, value: json as T };
  const j = json as { code?: unknown; message?: unknown } | null;
  if (j && typeof j.code === 'string' && typeof j.message === 'string') return { ok: false, code: j.code, message: j.message };
  return { ok: false, code: `HTTP_${res.status}`, message: `The server answered ${res.status} ${res.statusText}.` };
}

export const listStacks = () => call<{ stacks: StackInfo[] }>('GET', '/api/stacks');
export const getStack = (name: string) => call<StackInfo>('GET', stackUrl(name));
export const createStack = (req: CreateStackRequest) => call<StackInfo>('POST', '/api/stacks', req);
export const importStack = (req: ImportStackRequest) => call<StackInfo>('POST', '/api/stacks/import', req);
export const deleteStack = (name: string) => call<null>('DELETE', stackUrl(name));
