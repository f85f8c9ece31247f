import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { isInside, sendFile } from './files.ts';
import { notFound, problem } from './problems.ts';
import type { Problem } from './problems.ts';
import { READ_ONLY, sendProblem } from './respond.ts';

const SAMPLE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** A sample's name becomes a file name: letters, digits, `.`, `_`, `-`, and never a dotfile. */
export function checkSampleName(name: string): Problem | null {
  if (SAMPLE_NAME.test(name) && !name.startsWith('.')) return null;
  return problem(400, 'SAMPLE_NAME_INVALID', 'A sample name is 1 to 100 letters, digits, dots, dashes or underscores.');
}

/** `GET /api/samples/<name>`: `rawName` is still percent-encoded. */
export async function serveSample(res: ServerResponse, method: string, rawName: string, samplesDir: string): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD') {
    return sendProblem(res, method, problem(405, 'METHOD_NOT_ALLOWED', 'Samples are read-only.'), READ_ONLY);
  }
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
