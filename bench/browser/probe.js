// Page-side instrumentation of the browser benchmarks (bench/browser), injected with
// `addInitScript` before any page script runs, identically into Cairn and the baseline.
// Plain JavaScript on purpose: it is sent to the page as text, untouched by any compiler.
//
// Times are `performance.now()` of the page: milliseconds since its navigation started.
(() => {
  /** Long tasks (>= 50 ms) on the main thread, from the start of the document. */
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the settle below then waits for quiet alone
  }

  /**
   * Resolves with the time at which the main thread has finished the first frame in which
   * `check()` holds: checked in requestAnimationFrame, timed by a task queued from that
   * callback, which runs once the frame's style, layout and paint are done.
   */
  function whenFrame(check, timeoutMs) {
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const tick = () =>
        requestAnimationFrame(() => {
          let ok = false;
          try {
            ok = check();
          } catch (e) {
            reject(e);
            return;
          }
          if (ok) {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now());
            ch.port2.postMessage(null);
          } else if (performance.now() - t0 > timeoutMs) reject(new Error(`not seen within ${timeoutMs} ms`));
          else tick();
        });
      tick();
    });
  }

  /** React Flow hides a node (visibility: hidden) until it has measured it. */
  function drawnNodes() {
    let n = 0;
    for (const el of document.querySelectorAll('.react-flow__node')) if (el.style.visibility !== 'hidden') n++;
    return n;
  }

  /** The CodeMirror view of Cairn's YAML panel (hung off its content element). */
  function yamlView() {
    const el = document.querySelector('[data-testid="yaml.editor"] .cm-content');
    const v = el && (el.cmTile?.root?.view ?? el.cmView?.rootView ?? el.cmView?.view);
    return v ?? null;
  }

  const checks = {
    yamlHas: (s) => Boolean(yamlView()?.state.doc.toString().includes(s)),
    nodeText: ([id, text]) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.textContent?.includes(text) === true,
    nodeDrawn: (id) => {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      return Boolean(el && el.style.visibility !== 'hidden');
    },
  };
  const holds = (spec) => Object.entries(spec).every(([k, v]) => checks[k](v));

  /**
   * Load to interactive (configured by `window.__CAIRN_BENCH_LOAD__`, set by an earlier init
   * script, on the page whose path it names):
   *  - ready: the first frame in which all `nodes` React Flow nodes are in the DOM and
   *    measured (visible), all `edges` edges are drawn and, for Cairn, the YAML panel's editor
   *    is mounted;
   *  - interactive: from `ready`, the end of the last long task that starts less than
   *    `quietMs` after the previous point, i.e. the start of the first `quietMs` window with no
   *    long task (a short form of Lighthouse's time to interactive).
   */
  const load = window.__CAIRN_BENCH_LOAD__;
  if (load && location.pathname === load.path) {
    const ready = () =>
      document.querySelectorAll('.react-flow__node').length === load.nodes &&
      drawnNodes() === load.nodes &&
      document.querySelectorAll('.react-flow__edge').length === load.edges &&
      (!load.yaml || yamlView() !== null);
    whenFrame(ready, load.timeoutMs).then(
      (readyAt) => {
        const settle = () => {
          let t = readyAt;
          const tasks = [...longTasks].sort((a, b) => a.start - b.start);
          for (const lt of tasks) if (lt.end > t && lt.start < t + load.quietMs) t = lt.end;
          // long-task entries arrive a little after their task: wait a margin past the window
          if (performance.now() < t + load.quietMs + 100) return void setTimeout(settle, 50);
          const blocking = tasks.filter((lt) => lt.end <= t).reduce((s, lt) => s + (lt.end - lt.start), 0);
          window.__cairnBenchLoad = { readyAt, interactiveAt: t, longTasks: tasks.filter((lt) => lt.end <= t).length, longTaskMs: blocking };
        };
        settle();
      },
      (e) => {
        window.__cairnBenchLoad = { error: String(e), nodes: document.querySelectorAll('.react-flow__node').length, drawn: drawnNodes(), edges: document.querySelectorAll('.react-flow__edge').length, yaml: yamlView() !== null };
      },
    );
  }

  window.__cairnBench = {
    /**
     * Arms one edit measurement: from the `Enter` keydown's event time (when the input event
     * was made) to the end of the first frame in which every check in `spec` holds.
     */
    armEdit(spec, timeoutMs) {
      const out = { done: false };
      window.__cairnBenchEdit = out;
      const onKey = (e) => {
        if (e.key !== 'Enter') return;
        removeEventListener('keydown', onKey, true);
        const start = e.timeStamp;
        whenFrame(() => holds(spec), timeoutMs).then(
          (end) => Object.assign(out, { done: true, start, end }),
          (err) => Object.assign(out, { done: true, error: String(err) }),
        );
      };
      addEventListener('keydown', onKey, true);
    },
    /** Resolves after `n` frames have ended. */
    frames(n) {
      return new Promise((resolve) => {
        const step = (k) => (k === 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
        step(n);
      });
    },
    /**
     * Records the start time of every frame (the requestAnimationFrame timestamp) until
     * `stopFrames`, and the pointer's down and up times, to time a drag frame by frame.
     */
    startFrames() {
      const rec = { frames: [], down: null, up: null, on: true };
      window.__cairnBenchFrames = rec;
      const loop = (ts) => {
        if (!rec.on) return;
        rec.frames.push(ts);
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      rec.events = [];
      const down = (e) => {
        rec.events.push(e.type);
        if (rec.down === null) rec.down = e.timeStamp;
      };
      // a cancelled pointer (the browser took over the gesture) ends the drag as well
      const up = (e) => {
        rec.events.push(e.type);
        rec.up = e.timeStamp;
      };
      const other = (e) => rec.events.push(e.type);
      const others = ['mousedown', 'mouseup', 'dragstart', 'lostpointercapture', 'click'];
      addEventListener('pointerdown', down, true);
      addEventListener('pointerup', up, true);
      addEventListener('pointercancel', up, true);
      for (const t of others) addEventListener(t, other, true);
      rec.off = () => {
        rec.on = false;
        removeEventListener('pointerdown', down, true);
        removeEventListener('pointerup', up, true);
        removeEventListener('pointercancel', up, true);
        for (const t of others) removeEventListener(t, other, true);
      };
    },
    stopFrames() {
      const rec = window.__cairnBenchFrames;
      rec.off();
      return { frames: rec.frames, down: rec.down, up: rec.up, events: rec.events.join(' ') };
    },
  };
})();
