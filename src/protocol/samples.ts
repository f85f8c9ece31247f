/**
 * The starter gallery's wire format: `GET /api/samples` answers `{ samples: SampleInfo[] }`,
 * read from `public/samples/manifest.json` (same shape). `GET /api/samples/<file>` gives one.
 */
export interface SampleInfo {
  /** The file name under public/samples (also the name the document opens under). */
  readonly file: string;
  readonly title: string;
  /** One line: what the stack does. */
  readonly description: string;
}

export interface SampleList {
  readonly samples: readonly SampleInfo[];
}

/** A sample's name becomes a file name: letters, digits, `.`, `_`, `-`, and never a dotfile. */
export const SAMPLE_FILE = /^(?!\.)[A-Za-z0-9._-]{1,100}$/;

const MAX_SAMPLES = 100;
const MAX_TITLE = 80;
const MAX_DESCRIPTION = 300;

const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/**
 * Checks a sample list (the manifest on the server, the answer in the browser). Returns the
 * reason it is not one, with where, or the list itself.
 */
export function parseSampleList(raw: unknown): { ok: true; list: SampleList } | { ok: false; message: string } {
  const r = raw as { samples?: unknown } | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.samples)) return { ok: false, message: 'expected { "samples": [...] }' };
  if (r.samples.length > MAX_SAMPLES) return { ok: false, message: `at most ${MAX_SAMPLES} samples` };
  const seen = new Set<string>();
  const samples: SampleInfo[] = [];
  for (const [i, s] of r.samples.entries()) {
    const e = s as Partial<Record<keyof SampleInfo, unknown>> | null;
    if (typeof e !== 'object' || e === null) return { ok: false, message: `samples[${i}]: expected an object` };
    if (typeof e.file !== 'string' || !SAMPLE_FILE.test(e.file)) return { ok: false, message: `samples[${i}].file: a file name of letters, digits, dots, dashes or underscores` };
    if (!text(e.title, MAX_TITLE)) return { ok: false, message: `samples[${i}].title: 1 to ${MAX_TITLE} characters` };
    if (!text(e.description, MAX_DESCRIPTION)) return { ok: false, message: `samples[${i}].description: 1 to ${MAX_DESCRIPTION} characters` };
    if (seen.has(e.file)) return { ok: false, message: `samples[${i}].file: ${e.file} is listed twice` };
    seen.add(e.file);
    samples.push({ file: e.file, title: e.title, description: e.description });
  }
  return { ok: true, list: { samples } };
}
