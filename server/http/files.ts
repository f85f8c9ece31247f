import { open, realpath } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.yml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Sends a regular file that (after resolving symlinks) lies inside `root`.
 * Returns false, having sent nothing, when there is no such file.
 */
export async function sendFile(
  res: ServerResponse,
  method: string,
  root: string,
  file: string,
  cacheControl: string,
): Promise<boolean> {
  let real: string;
  try {
    real = await realpath(file);
    if (!isInside(await realpath(root), real)) return false;
  } catch (err) {
    if (isMissing(err)) return false;
    throw err;
  }
  const handle = await open(real, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return false;
    res.writeHead(200, {
      'Content-Type': contentType(real),
      'Content-Length': stat.size,
      'Cache-Control': cacheControl,
    });
    if (method === 'HEAD') {
      res.end();
      return true;
    }
    try {
      await pipeline(handle.createReadStream({ autoClose: false }), res);
    } catch (err) {
      // The client went away mid-download: nothing to answer, nothing worth logging.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
    }
    return true;
  } finally {
    await handle.close();
  }
}

export function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
