import type { ResourceTypeEntry } from './resourceTypes.ts';

/** `EventBus` -> `['event', 'bus']`; `VPCEndpoint` -> `['vpc', 'endpoint']`. */
function words(name: string): string[] {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let j = 0; j < hay.length && i < needle.length; j++) if (hay[j] === needle[i]) i++;
  return i === needle.length;
}

interface Indexed {
  readonly entry: ResourceTypeEntry;
  readonly vendor: string;
  readonly service: string;
  readonly name: string;
  readonly nameWords: readonly string[];
  readonly serviceWords: readonly string[];
  readonly initials: string;
  readonly full: string;
}

const cache = new WeakMap<readonly ResourceTypeEntry[], readonly Indexed[]>();

function index(entries: readonly ResourceTypeEntry[]): readonly Indexed[] {
  let out = cache.get(entries);
  if (!out) {
    out = entries.map((entry) => {
      const nameWords = words(entry.name);
      return {
        entry,
        vendor: entry.type.split('::')[0]!.toLowerCase(),
        service: entry.service.toLowerCase(),
        name: entry.name.toLowerCase(),
        nameWords,
        serviceWords: words(entry.service),
        initials: nameWords.map((w) => w[0]).join(''),
        full: entry.type.toLowerCase().replace(/::/g, ''),
      };
    });
    cache.set(entries, out);
  }
  return out;
}

/** How well one query word fits a type; 0 when it does not. */
function tokenScore(t: string, e: Indexed): number {
  if (e.name === t) return 100;
  if (e.service === t) return 60;
  if (e.name.startsWith(t)) return 50;
  if (e.nameWords.some((w) => w.startsWith(t))) return 35;
  if (e.service.startsWith(t) || e.serviceWords.some((w) => w.startsWith(t))) return 30;
  if (t.length >= 2 && e.initials.startsWith(t)) return 25;
  if (e.name.includes(t)) return 15;
  if (e.service.includes(t)) return 10;
  if (e.vendor === t) return 5;
  if (e.full.includes(t)) return 5;
  // letters in order, from the name's first (`fn` for Function, never `sqs` inside ResolverQuery…)
  if (t.length >= 2 && t[0] === e.name[0] && isSubsequence(t, e.name)) return 2;
  return 0;
}

/**
 * Finds resource types by words of their service and name, best first: `sqs q` finds
 * `AWS::SQS::Queue`, `EventBus` finds `AWS::Events::EventBus`, `eb` finds it by its initials,
 * and a whole type name finds itself. Every word must fit; ties go to the shorter name.
 */
export function searchResourceTypes(entries: readonly ResourceTypeEntry[], query: string, limit = 50): ResourceTypeEntry[] {
  const tokens = query.toLowerCase().split(/[\s:]+/).filter(Boolean);
  if (!tokens.length) return entries.slice(0, limit);
  const whole = tokens.join('');
  const scored: { e: Indexed; score: number }[] = [];
  for (const e of index(entries)) {
    let score = 0;
    for (const t of tokens) {
      const s = tokenScore(t, e);
      if (!s) {
        score = 0;
        break;
      }
      score += s;
    }
    if (!score) continue;
    if (e.full === whole) score += 1000;
    if (e.vendor === 'aws') score += 1;
    scored.push({ e, score });
  }
  scored.sort((a, b) => b.score - a.score || a.e.entry.type.length - b.e.entry.type.length || (a.e.entry.type < b.e.entry.type ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.e.entry);
}
