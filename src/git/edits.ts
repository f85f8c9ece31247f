import * as git from 'isomorphic-git';
import type { PromiseFsClient } from 'isomorphic-git';

/**
 * Uncommitted edits as data: what `switchBranch` carries or parks, what `pull` replays after a
 * fast-forward. `baseBlob` is the file's blob at the head the edit was made on (null for a new
 * file), so an edit can be replayed on another commit only where that commit has the same blob.
 */
export interface Edit {
  readonly path: string;
  /** The working-tree bytes, or null when the file was deleted. */
  readonly content: Uint8Array | null;
  readonly baseBlob: string | null;
}

export interface WorkdirIo {
  readonly fs: PromiseFsClient;
  readonly dir: string;
  readonly cache: object;
}

/** Edits left on a branch by `switchBranch(..., { edits: 'leave' })`, restored on return. */
export interface Parked {
  readonly head: string;
  readonly edits: readonly Edit[];
}

export async function blobAt(io: WorkdirIo, commit: string, path: string): Promise<string | null> {
  try {
    return (await git.readBlob({ fs: io.fs, dir: io.dir, cache: io.cache, oid: commit, filepath: path })).oid;
  } catch {
    return null;
  }
}

/** Working-tree files that differ from `head` (statusMatrix: [path, head, workdir, stage]). */
export async function collectEdits(io: WorkdirIo, head: string): Promise<Edit[]> {
  const rows = await git.statusMatrix({ fs: io.fs, dir: io.dir, cache: io.cache });
  const out: Edit[] = [];
  for (const [path, inHead, inWorkdir] of rows) {
    const changed = (inHead === 1 && inWorkdir !== 1) || (inHead === 0 && inWorkdir === 2);
    if (!changed) continue;
    const content = inWorkdir === 0 ? null : new Uint8Array((await io.fs.promises.readFile(`${io.dir}/${path}`)) as Uint8Array);
    out.push({ path, content, baseBlob: inHead === 1 ? await blobAt(io, head, path) : null });
  }
  return out;
}

/** Paths whose blob at `target` is not the one the edit was made on. */
export async function conflictsWith(io: WorkdirIo, edits: readonly Edit[], target: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of edits) if ((await blobAt(io, target, e.path)) !== e.baseBlob) out.push(e.path);
  return out;
}

async function mkdirs(io: WorkdirIo, path: string) {
  const parts = path.split('/').slice(0, -1);
  let at = io.dir;
  for (const part of parts) {
    at = `${at}/${part}`;
    try {
      await io.fs.promises.mkdir(at);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
}

async function unlinkIfThere(io: WorkdirIo, path: string) {
  try {
    await io.fs.promises.unlink(`${io.dir}/${path}`);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e;
  }
}

export async function writeEdits(io: WorkdirIo, edits: readonly Edit[]): Promise<void> {
  for (const e of edits) {
    if (e.content) {
      await mkdirs(io, e.path);
      await io.fs.promises.writeFile(`${io.dir}/${e.path}`, e.content);
    } else {
      await unlinkIfThere(io, e.path);
    }
  }
}

/** A forced checkout keeps untracked files: remove the new files of edits that `target` does not have. */
export async function dropNewFiles(io: WorkdirIo, edits: readonly Edit[], target: string): Promise<void> {
  for (const e of edits) if (e.baseBlob === null && e.content && (await blobAt(io, target, e.path)) === null) await unlinkIfThere(io, e.path);
}

const parkedPath = (io: WorkdirIo, branch: string) => `${io.dir}/.git/cairn-parked-${encodeURIComponent(branch)}.json`;

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

interface ParkedJson {
  head: string;
  edits: { path: string; content: string | null; baseBlob: string | null }[];
}

export async function writeParked(io: WorkdirIo, branch: string, parked: Parked): Promise<void> {
  const json: ParkedJson = {
    head: parked.head,
    edits: parked.edits.map((e) => ({ path: e.path, content: e.content ? toBase64(e.content) : null, baseBlob: e.baseBlob })),
  };
  await io.fs.promises.writeFile(parkedPath(io, branch), JSON.stringify(json), { encoding: 'utf8' });
}

export async function readParked(io: WorkdirIo, branch: string): Promise<Parked | null> {
  let text: string;
  try {
    text = (await io.fs.promises.readFile(parkedPath(io, branch), { encoding: 'utf8' })) as string;
  } catch {
    return null;
  }
  const json = JSON.parse(text) as ParkedJson;
  return { head: json.head, edits: json.edits.map((e) => ({ path: e.path, content: e.content === null ? null : fromBase64(e.content), baseBlob: e.baseBlob })) };
}

export async function removeParked(io: WorkdirIo, branch: string): Promise<void> {
  try {
    await io.fs.promises.unlink(parkedPath(io, branch));
  } catch {
    /* nothing parked */
  }
}
