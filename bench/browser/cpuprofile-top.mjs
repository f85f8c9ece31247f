// Summarises a .cpuprofile (CDP Profiler): milliseconds of self time and of total time (the
// function and what it called) by function. Usage: node cpuprofile-top.mjs FILE [SELF_ROWS] [TOTAL_ROWS]
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
const self = new Map();
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = new Map();
for (const n of p.nodes) {
  const t = dt.get(n.id) ?? 0;
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) {
    const m = byId.get(id);
    const kk = `${m.callFrame.functionName || '(anon)'} ${m.callFrame.url.split('/').pop()}:${m.callFrame.lineNumber}`;
    if (seen.has(kk)) continue; seen.add(kk);
    total.set(kk, (total.get(kk) ?? 0) + t);
  }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(8)} ${k}`).join('\n');
console.log('SELF\n' + top(self, Number(process.argv[3] ?? 30)));
console.log('TOTAL\n' + top(total, Number(process.argv[4] ?? 50)));
