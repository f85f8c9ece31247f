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
 * Also `loadprof` and `dragprof`. N (resources, 500), RUNS (loads, 3), EDITS (20). For names in
 * the profile, build without minifying (a config that sets `optimization.minimize = false`;
 * the gzip budget plugin then fails the build, so drop it there too).
 */
import { writeFileSync } from 'node:fs';
import { launch, openCairn } from './pages.ts';
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
  if (what.includes('edit') || what.includes('editprof')) {
    const c = await openCairn(browser, server.origin, stack);
    await c.loaded();
    const cp = c.page;
    const id = stack.functions[stack.functions.length >> 1]!;
    await cp.keyboard.press('Control+k');
    await cp.getByRole('combobox', { name: 'Node name' }).fill(id);
    await cp.keyboard.press('Enter');
    await cp.locator('#inspector-MemorySize').waitFor({ state: 'visible' });
    await cp.waitForTimeout(500);
    const cdp = await c.context.newCDPSession(cp);
    if (what.includes('editprof')) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const ts: number[] = [];
    for (let i = 0; i < Number(process.env.EDITS ?? 20); i++) {
      const v = String(1024 + i);
      ts.push(await timeEdit(cp, '#inspector-MemorySize', v, { yamlHas: `MemorySize: ${v}\n` }));
    }
    if (what.includes('editprof')) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync('/tmp/edit.cpuprofile', JSON.stringify(profile));
    }
    console.log('edit p50/p95', percentile(ts, 50).toFixed(1), percentile(ts, 95).toFixed(1), ts.map((t) => t.toFixed(0)).join(' '));
    await c.context.close();
  }
  if (what.includes('drag') || what.includes('dragprof')) {
    const c = await openCairn(browser, server.origin, stack);
    await c.loaded();
    await c.page.waitForTimeout(1000);
    const id = await middleNode(c.page);
    await timeDrag(c.page, id, 1);
    const cdp = await c.context.newCDPSession(c.page);
    if (what.includes('dragprof')) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const all: number[] = [];
    for (let i = 0; i < 4; i++) all.push(...(await timeDrag(c.page, id, i % 2 ? 1 : -1)));
    if (what.includes('dragprof')) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync('/tmp/drag.cpuprofile', JSON.stringify(profile));
    }
    console.log('drag p50/p95', percentile(all, 50).toFixed(1), percentile(all, 95).toFixed(1), 'n', all.length, 'over20', all.filter((x) => x > 20).length);
    await c.context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
