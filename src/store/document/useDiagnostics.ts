import { useEffect, useState } from 'react';
import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { Template } from '../../model/template.ts';
import { countsByNode } from './selectors.ts';
import type { DiagnosticCounts } from './selectors.ts';
import { createDiagnosticsClient } from './diagnosticsClient.ts';
import type { DiagnosticsClient } from './diagnosticsClient.ts';

export interface Checked {
  /** The template these are the diagnostics of (null before the rules have loaded). */
  readonly template: Template | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: DiagnosticCounts;
}

const NONE: Checked = { template: null, diagnostics: [], counts: {} };

let client: DiagnosticsClient | null = null;
/** The rules run in a worker of their own (diagnosticsClient.ts), started after the first paint. */
const checker = (): DiagnosticsClient => (client ??= createDiagnosticsClient());

/**
 * The diagnostics of `template`, worked out off the main thread once the frame that shows it is
 * drawn. Running every rule over the whole template took more than half of an inspector edit's
 * time on a 500-resource stack (docs/benchmarks.md, "Editor in the browser"), and then a long
 * task after every change and after the first paint; now a worker runs them on its own parse
 * of the text, the main thread only counts them per node. Until they arrive the previous
 * diagnostics are returned, the same object: the YAML panel keeps its marks, mapped through
 * the edit by CodeMirror. Checks asked for while one runs are coalesced to the latest.
 */
export function useDiagnostics(template: Template): Checked {
  const [checked, setChecked] = useState<Checked>(NONE);
  useEffect(() => {
    if (checked.template === template) return;
    let cancelled = false;
    // requestAnimationFrame runs before the frame is drawn; a task queued from it, after
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        void checker()
          .check(template)
          .then((diagnostics) => {
            if (!cancelled && diagnostics) setChecked({ template, diagnostics, counts: countsByNode(diagnostics, template.graph.nodes) });
          });
      }, 0);
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [template, checked]);
  return checked;
}
