import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseSampleList, SAMPLE_FILE } from '../../src/protocol/samples.ts';
import type { SampleInfo } from '../../src/protocol/samples.ts';
import { isInside, isMissing, sendFile } from './files.ts';
import { notFound, problem } from './problems.ts';
import type { Problem } from './problems.ts';
import { READ_ONLY, sendJson, sendProblem } from './respond.ts';

/** The gallery's titles and descriptions, beside the samples themselves. */
export const MANIFEST = 'manifest.json';
const MAX_MANIFEST_BYTES = 64 * 1024;

/** A sample's name becomes a file name: letters, digits, `.`, `_`, `-`, and never a dotfile. */
export function checkSampleName(name: string): Problem | null {
  if (SAMPLE_FILE.test(name)) return null;
  return problem(400, 'SAMPLE_NAME_INVALID', 'A sample name is 1 to 100 letters, digits, dots, dashes or underscores.');
}

function readOnly(res: ServerResponse, method: string): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  sendProblem(res, method, problem(405, 'METHOD_NOT_ALLOWED', 'Samples are read-only.'), READ_ONLY);
  return true;
}

/**
 * `GET /api/samples`: the manifest's entries whose files are there. A manifest that is not
 * valid is the server's fault (500 `SAMPLES_MANIFEST_INVALID`, logged with the reason).
 */
export async function listSamples(res: ServerResponse, method: string, samplesDir: string, log: (line: string) => void): Promise<void> {
  if (readOnly(res, method)) return;
  let raw: unknown;
  try {
    const file = join(samplesDir, MANIFEST);
    if ((await stat(file)).size > MAX_MANIFEST_BYTES) throw new Error(`${MANIFEST} is larger than ${MAX_MANIFEST_BYTES} bytes`);
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    if (isMissing(e)) return sendJson(res, method, 200, { samples: [] });
    log(`cairn: cannot read ${join(samplesDir, MANIFEST)}: ${(e as Error).message}`);
    return sendProblem(res, method, problem(500, 'SAMPLES_MANIFEST_INVALID', 'The starter gallery is misconfigured on the server.'));
  }
  const parsed = parseSampleList(raw);
  if (!parsed.ok) {
    log(`cairn: ${join(samplesDir, MANIFEST)}: ${parsed.message}`);
    return sendProblem(res, method, problem(500, 'SAMPLES_MANIFEST_INVALID', 'The starter gallery is misconfigured on the server.'));
  }
  const present: SampleInfo[] = [];
  for (const s of parsed.list.samples) {
    try {
      if (s.file !== MANIFEST && (await stat(join(samplesDir, s.file))).isFile()) present.push(s);
    } catch (e) {
      if (!isMissing(e)) throw e;
      log(`cairn: ${MANIFEST} lists ${s.file}, which is not in ${samplesDir}`);
    }
  }
  sendJson(res, method, 200, { samples: present }, { 'Cache-Control': 'no-cache' });
}

/** `GET /api/samples/<name>`: `rawName` is still percent-encoded. */
export async function serveSample(res: ServerResponse, method: string, rawName: string, samplesDir: string): Promise<void> {
  if (readOnly(res, method)) return;
  let name: string;
  try {
    name = decodeURIComponent(rawName);
  } catch {
    name = '';
  }
  const invalid = checkSampleName(name);
  if (invalid) return sendProblem(res, method, invalid);
  const file = join(samplesDir, name);
  const sent = isInside(samplesDir, file) && (await sendFile(res, method, samplesDir, file, 'no-cache'));
  if (!sent) sendProblem(res, method, notFound());
}
