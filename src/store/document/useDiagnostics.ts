import { useEffect, useState } from 'react';
import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { Template } from '../../model/template.ts';
import type { DiagnosticCounts } from './selectors.ts';

export interface Checked {
  /** The template these are the diagnostics of (null before the rules have loaded). */
  readonly template: Template | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: DiagnosticCounts;
}

const NONE: Checked = { template: null, diagnostics: [], counts: {} };

type Diagnose = typeof import('./diagnose.ts').diagnose;
let rules: Promise<Diagnose> | null = null;
/** The rules are a lazy chunk, fetched once (the first paint does not wait for them). */
const loadRules = (): Promise<Diagnose> => (rules ??= import('./diagnose.ts').then((m) => m.diagnose));

/**
 * The diagnostics of `template`, worked out just after the frame that shows it. Running every
 * rule over the whole template took more than half of an inspector edit's time on a
 * 500-resource stack (docs/benchmarks.md, "Editor in the browser"), so an edit is drawn first
 * (canvas, YAML panel) and its marks and badges follow one frame later. Until then the
 * previous diagnostics are returned, the same object: the YAML panel keeps its marks, mapped
 * through the edit by CodeMirror. The rules themselves load after the first paint.
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
        void loadRules().then((diagnose) => {
          if (!cancelled) setChecked({ template, ...diagnose(template) });
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
