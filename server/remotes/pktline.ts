import type { RefState } from '../git/repo.ts';

export type Advertisement = { readonly ok: true; readonly refs: RefState } | { readonly ok: false; readonly message: string };

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * The refs of a smart-HTTP `info/refs?service=git-upload-pack` answer, protocol v0/v1:
 * an optional `# service=git-upload-pack` packet and flush, an optional `version 1` packet,
 * then `<oid> <ref>[\0capabilities]` packets up to a flush. An empty repository advertises
 * `<zero-id> capabilities^{}`. Peeled tags (`^{}`) and anything outside `refs/` (HEAD) are
 * left out.
 */
export function parseAdvertisement(body: Buffer): Advertisement {
  const refs: Record<string, string> = {};
  let at = 0;
  let first = true;
  let sawService = false;
  while (at < body.length) {
    if (at + 4 > body.length) return { ok: false, message: 'truncated pkt-line' };
    const lenText = body.toString('latin1', at, at + 4);
    if (!/^[0-9a-f]{4}$/i.test(lenText)) return { ok: false, message: 'not a pkt-line stream' };
    const len = Number.parseInt(lenText, 16);
    if (len === 0) {
      at += 4;
      // the flush after `# service=` ends the header; the next flush ends the list
      if (sawService && first) {
        first = false;
        continue;
      }
      return { ok: true, refs };
    }
    if (len < 4 || at + len > body.length) return { ok: false, message: 'bad pkt-line length' };
    let line = body.toString('utf8', at + 4, at + len);
    at += len;
    if (line.endsWith('\n')) line = line.slice(0, -1);
    if (first && line.startsWith('# service=')) {
      sawService = true;
      continue;
    }
    first = false;
    if (line === 'version 1') continue;
    if (line === 'version 2') return { ok: false, message: 'the remote answered protocol v2 unasked' };
    const nul = line.indexOf('\0');
    const entry = nul === -1 ? line : line.slice(0, nul);
    const space = entry.indexOf(' ');
    if (space === -1) return { ok: false, message: 'bad ref line' };
    const oid = entry.slice(0, space);
    const ref = entry.slice(space + 1);
    if (!OID.test(oid)) return { ok: false, message: 'bad object id' };
    if (ref === 'capabilities^{}' || ref.endsWith('^{}') || !ref.startsWith('refs/')) continue;
    refs[ref] = oid;
  }
  return { ok: true, refs };
}
