import { useEffect, useState } from 'react';
import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { Template } from '../../model/template.ts';
import { countsByNode, diagnosticsOf } from './selectors.ts';
import type { DiagnosticCounts } from './selectors.ts';

export interface Checked {
  /** The template these are the diagnostics of. */
  readonly template: Template;
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: DiagnosticCounts;
}

const check = (template: Template): Checked => {
  const diagnostics = diagnosticsOf(template);
  return { template, diagnostics, counts: countsByNode(diagnostics) };
};

/**
 * The diagnostics of `template`, worked out just after the frame that shows it. Running every
 * rule over the whole template took more than half of an inspector edit's time on a
 * 500-resource stack (docs/benchmarks.md, "Editor in the browser"), so an edit is drawn first
 * (canvas, YAML panel) and its marks and badges follow one frame later. Until then the
 * previous diagnostics are returned, the same object: the YAML panel keeps its marks, mapped
 * through the edit by CodeMirror.
 */
export function useDiagnostics(template: Template): Checked {
  const [checked, setChecked] = useState(() => check(template));
  useEffect(() => {
    if (checked.template === template) return;
    // requestAnimationFrame runs before the frame is drawn; a task queued from it, after
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setChecked(check(template)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [template, checked]);
  return checked;
}
