/**
 * Profiling harness for the browser benchmarks (not part of `npm run bench`): opens Cairn on a
 * generated stack the way the benchmark does and measures, or CPU-profiles (CDP Profiler), one
 * thing at a time, against a build you made, so a change can be tried in a minute:
 *
 *   npx webpack --mode production --output-path /tmp/cairn-dist
 *   DIST=/tmp/cairn-dist npx tsx bench/browser/profile.ts load edit drag      # figures
 *   DIST=/tmp/cairn-dist npx tsx bench/browser/profile.ts editprof            # writes /tmp/edit.cpuprofile
 *   node bench/browser/cpuprofile-top.mjs /tmp/edit.cpuprofile                 # self and total time by function
 *
 * Also `loadprof`, `dragprof`, `dragtrace` and `basedragtrace` (trace events by name during drags,
 * Cairn or the baseline, which must be built into $DIST/baseline), `edittrace` (trace events and,
 * with `editprof`, profile samples inside each edit's own window: /tmp/edit-window.txt); WAIT_MS
 * (500) is the pause between selecting the node and the first edit. N (resources, 500), RUNS (loads, 3), EDITS (20), SKIP
 * (edits left out of `edittrace`'s figures, 0). For names in the profile, build without
 * minifying: `npx webpack --config bench/browser/webpack.nomin.mjs --mode production --output-path /tmp/cairn-nomin`.
 */
import { writeFileSync } from 'node:fs';
import { launch, openBaseline, openCairn } from './pages.ts';
import { serve } from './serve.ts';
import { makeStack } from './stack.ts';
import { timeEdit, timeDrag, middleNode } from './measure.ts';
import { percentile, median } from '../stats.ts';

const dist = process.env.DIST ?? '/tmp/cairn-dist';
const what = process.argv.slice(2);
const server = await serve(dist);
const browser = await launch();
const stack = await makeStack(Number(process.env.N ?? 500));
try {
  if (what.includes('load')) {
    const res = [];
    for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) {
      const o = await openCairn(browser, server.origin, stack);
      res.push(await o.loaded());
      await o.context.close();
    }
    console.log('load', res.map((r) => `${Math.round(r.readyAt)}/${Math.round(r.interactiveAt)} lt=${Math.round(r.longTaskMs)}`).join('  '));
  }
  if (what.includes('loadtrace') || what.includes('baseloadtrace')) {
    // trace events of one reload (the work already in IndexedDB), by name: count and total
    const base = what.includes('baseloadtrace');
    let o: Awaited<ReturnType<typeof openCairn>>;
    if (base) {
      const probe = await openCairn(browser, server.origin, stack);
      await probe.loaded();
      const box = (await probe.page.locator('.react-flow').boundingBox())!;
      await probe.context.close();
      o = await openBaseline(browser, server.origin, { ...stack.flow, canvas: { width: Math.round(box.width), height: Math.round(box.height) }, editNode: stack.functions[0]! });
    } else o = await openCairn(browser, server.origin, stack);
    await o.loaded();
    const cdp = await o.context.newCDPSession(o.page);
    const events: any[] = [];
    cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await o.page.evaluate(() => { (window as any).__cairnBenchLoad = undefined; });
    await o.page.reload({ waitUntil: 'commit' });
    const r = await o.loaded();
    const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
    await cdp.send('Tracing.end');
    await done;
    const main = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.[0]?.processId;
    const by = new Map<string, { n: number; ms: number; max: number }>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur || (main !== undefined && e.pid !== main)) continue;
      const b = by.get(e.name) ?? { n: 0, ms: 0, max: 0 };
      b.n++; b.ms += e.dur / 1000; b.max = Math.max(b.max, e.dur / 1000);
      by.set(e.name, b);
    }
    console.log(base ? 'baseline' : 'cairn', 'ready', Math.round(r.readyAt), 'interactive', Math.round(r.interactiveAt));
    // the long tasks, from navigation start, with what ran in them
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.ts ?? events.find((e) => e.name === 'navigationStart')?.ts ?? events.find((e) => e.name === 'MarkDOMContent' || e.name === 'ResourceSendRequest')?.ts;
    const tid = events.find((e) => e.name === 'EventDispatch' || e.name === 'FunctionCall')?.tid;
    const long = events.filter((e) => e.name === 'RunTask' && e.tid === tid && e.dur > 50_000).sort((a, b) => a.ts - b.ts);
    for (const t of long) {
      const inner = events.filter((e) => e.tid === tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.ph === 'X' && e.dur > 10_000 && e !== t);
      const what = inner.map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName} ${String(e.args.data.url ?? '').split('/').pop()})` : e.args?.data?.url ? `(${String(e.args.data.url).split('/').pop()})` : ''} ${Math.round(e.dur / 1000)}`).slice(0, 6).join(', ');
      console.log(`  long task at ${Math.round((t.ts - nav) / 1000)} ms, ${Math.round(t.dur / 1000)} ms: ${what}`);
    }
    // idle callbacks (CodeMirror's background parse runs in them), from navigation start
    const idle = events.filter((e) => e.name === 'FireIdleCallback' && e.tid === tid && e.dur).sort((a, b) => a.ts - b.ts);
    if (idle.length) console.log('  idle callbacks (start+duration ms):', idle.map((e) => `${Math.round((e.ts - nav) / 1000)}+${Math.round(e.dur / 1000)}`).join(' '));
    console.log([...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 22).map(([k, v]) => `${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(5)}x max ${v.max.toFixed(0).padStart(5)}  ${k}`).join('\n'));
    await o.context.close();
  }
  if (what.includes('loadprof')) {
    const o = await openCairn(browser, server.origin, stack); // seeds + navigates
    await o.loaded(); await o.context.close();
    // second: profile a reload on same context (IDB has the work)
    const o2 = await openCairn(browser, server.origin, stack);
    await o2.loaded();
    const cdp = await o2.context.newCDPSession(o2.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await o2.page.evaluate(() => { (window as any).__cairnBenchLoad = undefined; });
    await o2.page.reload({ waitUntil: 'commit' });
    const r = await o2.loaded();
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync('/tmp/load.cpuprofile', JSON.stringify(profile));
    console.log('profiled load', r);
    await o2.context.close();
  }
  if (what.some((w) => w.startsWith('edit'))) {
    const c = await openCairn(browser, server.origin, stack);
    await c.loaded();
    const cp = c.page;
    const id = stack.functions[stack.functions.length >> 1]!;
    await cp.keyboard.press('Control+k');
    await cp.getByRole('combobox', { name: 'Node name' }).fill(id);
    await cp.keyboard.press('Enter');
    await cp.locator('#inspector-MemorySize').waitFor({ state: 'visible' });
    await cp.waitForTimeout(Number(process.env.WAIT_MS ?? 500));
    const cdp = await c.context.newCDPSession(cp);
    const events: any[] = [];
    if (what.some((w) => w.endsWith('trace'))) {
      cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
    }
    if (what.some((w) => w.endsWith('prof'))) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const ts: number[] = [];
    // editrename...: renames through the inspector's Logical id field instead of Memory edits
    const rename = what.some((w) => w.startsWith('editrename'));
    for (let i = 0; i < Number(process.env.EDITS ?? 20); i++) {
      const v = String(1024 + i);
      const to = `Renamed${i}`;
      ts.push(
        rename
          ? await timeEdit(cp, '#inspector-name', to, { yamlHas: `\n  ${to}:\n`, nodeDrawn: to })
          : await timeEdit(cp, '#inspector-MemorySize', v, { yamlHas: `MemorySize: ${v}\n` }),
      );
    }
    let profile: any;
    if (what.some((w) => w.endsWith('prof'))) {
      profile = (await cdp.send('Profiler.stop')).profile;
      writeFileSync('/tmp/edit.cpuprofile', JSON.stringify(profile));
    }
    if (what.some((w) => w.endsWith('trace'))) {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      // each edit's window: from its Enter keydown dispatch for as long as the edit took
      const main = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')?.tid;
      const keydowns = events.filter((e) => e.tid === main && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
      const skip = Number(process.env.SKIP ?? 0); // leave out the first edits (warm-up)
      const enters = keydowns.slice(-ts.length).slice(skip);
      ts.splice(0, skip);
      const by = new Map<string, number>();
      enters.forEach((k, i) => {
        const from = k.ts, to = k.ts + ts[i]! * 1000;
        for (const e of events) {
          if (e.tid !== main || e.ph !== 'X' || !e.dur) continue;
          const a = Math.max(from, e.ts), b = Math.min(to, e.ts + e.dur);
          if (b > a) by.set(e.name, (by.get(e.name) ?? 0) + (b - a) / 1000 / ts.length);
        }
      });
      if (profile) {
        // the profile's samples inside the edits' windows, by function (self and total)
        const windows = enters.map((k, i) => [k.ts, k.ts + ts[i]! * 1000] as const);
        const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
        const parent = new Map<number, number>();
        for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
        const self = new Map<string, number>(), total = new Map<string, number>();
        let t = profile.startTime;
        const label = (n: any) => `${n.callFrame.functionName || '(anon)'} ${String(n.callFrame.url).split('/').pop()}:${n.callFrame.lineNumber}`;
        profile.samples.forEach((id: number, i: number) => {
          t += profile.timeDeltas[i] ?? 0;
          const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000 / ts.length;
          if (!windows.some(([a, b]) => t >= a && t < b)) return;
          self.set(label(byId.get(id)), (self.get(label(byId.get(id))) ?? 0) + dt);
          const seen = new Set<string>();
          for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
            const k = label(byId.get(x));
            if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); }
          }
        });
        const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(2).padStart(8)} ${k}`).join('\n');
        writeFileSync('/tmp/edit-window.txt', `SELF\n${top(self, 60)}\nTOTAL\n${top(total, 200)}\n`);
        console.log('profile inside the edit windows: /tmp/edit-window.txt');
      }
      console.log('per edit (ms, main thread, events nest):');
      console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(2).padStart(8)} ${k}`).join('\n'));
    }
    console.log('edit p50/p95', percentile(ts, 50).toFixed(1), percentile(ts, 95).toFixed(1), ts.map((t) => t.toFixed(0)).join(' '));
    await c.context.close();
  }
  if (what.some((w) => w.includes('drag'))) {
    const base = what.some((w) => w.startsWith('basedrag'));
    let c: Awaited<ReturnType<typeof openCairn>>;
    if (base) {
      const probe = await openCairn(browser, server.origin, stack);
      await probe.loaded();
      const box = (await probe.page.locator('.react-flow').boundingBox())!;
      await probe.context.close();
      const id = stack.functions[stack.functions.length >> 1]!;
      c = await openBaseline(browser, server.origin, { ...stack.flow, canvas: { width: Math.round(box.width), height: Math.round(box.height) }, editNode: id });
    } else c = await openCairn(browser, server.origin, stack);
    await c.loaded();
    await c.page.waitForTimeout(1000);
    const id = await middleNode(c.page);
    await timeDrag(c.page, id, 1);
    const cdp = await c.context.newCDPSession(c.page);
    const tracing = what.some((w) => w.endsWith('dragtrace'));
    const events: any[] = [];
    if (tracing) {
      cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    }
    if (what.some((w) => w.endsWith('dragprof'))) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const all: number[] = [];
    for (let i = 0; i < 4; i++) all.push(...(await timeDrag(c.page, id, i % 2 ? 1 : -1)));
    if (what.some((w) => w.endsWith('dragprof'))) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync('/tmp/drag.cpuprofile', JSON.stringify(profile));
    }
    if (tracing) {
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await done;
      const by = new Map<string, number>();
      for (const e of events) if (e.ph === 'X' && e.dur) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
      console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(7)} ${k}`).join('\n'));
      writeFileSync('/tmp/drag.trace.json', JSON.stringify(events));
    }
    console.log('drag p50/p95', percentile(all, 50).toFixed(1), percentile(all, 95).toFixed(1), 'n', all.length, 'over20', all.filter((x) => x > 20).length);
    await c.context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
