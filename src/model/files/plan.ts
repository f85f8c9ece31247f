import { MAX_TEMPLATE_BYTES } from '../yaml/limits.ts';
import { sidecarPath } from '../layout/sidecar.ts';
import { formatBytes, openProblem } from './problems.ts';
import type { OpenProblem } from './problems.ts';
import { quoted } from './names.ts';

/** What is known of a picked or dropped file before reading a byte of it. */
export interface FileEntry {
  readonly name: string;
  readonly size: number;
}

/** A layout sidecar holds positions only: far smaller than its template. */
export const MAX_LAYOUT_BYTES = 1024 * 1024;

/** Which of the files is the template and which its layout; the rest is ignored, with a reason. */
export type FilePlan<F extends FileEntry> =
  | { readonly ok: true; readonly template: F | null; readonly layout: F | null; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problem: OpenProblem };

export function isLayoutName(name: string): boolean {
  return /\.cairn\.json$/i.test(name);
}

function tooBig(f: FileEntry, limit: number, what: string): OpenProblem {
  return openProblem('FILE_TOO_BIG', `${quoted(f.name)} is ${formatBytes(f.size)}; Cairn opens ${what} up to ${formatBytes(limit)} (CloudFormation's own limit for a template).`);
}

/**
 * Decides what a pick or drop opens, from names and sizes alone (so a 2 GB file is refused
 * before it is read): one template, optionally with its `<template>.cairn.json` layout, or a
 * layout alone (for the open template).
 */
export function planFiles<F extends FileEntry>(files: readonly F[]): FilePlan<F> {
  if (!files.length) return { ok: false, problem: openProblem('FILE_NONE', 'There was no file in what was dropped.') };
  const layouts = files.filter((f) => isLayoutName(f.name));
  const templates = files.filter((f) => !isLayoutName(f.name));
  if (templates.length > 1) {
    const names = templates.slice(0, 3).map((f) => quoted(f.name)).join(', ') + (templates.length > 3 ? ', …' : '');
    return { ok: false, problem: openProblem('FILE_TOO_MANY', `Open one template at a time (with its .cairn.json layout if it has one); got ${templates.length}: ${names}.`) };
  }
  const template = templates[0] ?? null;
  if (template) {
    if (template.size > MAX_TEMPLATE_BYTES) return { ok: false, problem: tooBig(template, MAX_TEMPLATE_BYTES, 'templates') };
    if (template.size === 0) return { ok: false, problem: openProblem('FILE_EMPTY', `${quoted(template.name)} is empty.`) };
  } else if (layouts.length > 1) {
    return { ok: false, problem: openProblem('FILE_TOO_MANY', `Drop one layout at a time, or a template together with its layout; got ${layouts.length} layouts.`) };
  }
  const notes: string[] = [];
  let layout: F | null = null;
  if (layouts.length) {
    // the template's own sidecar first; a single layout under another name is still its layout
    layout = (template && layouts.find((f) => f.name === sidecarPath(template.name))) ?? (layouts.length === 1 ? layouts[0]! : null);
    for (const f of layouts) if (f !== layout) notes.push(`Ignored ${quoted(f.name)}: it is not the layout of ${quoted(template?.name ?? '')}.`);
  }
  if (layout && layout.size > MAX_LAYOUT_BYTES) {
    if (!template) return { ok: false, problem: tooBig(layout, MAX_LAYOUT_BYTES, 'layouts') };
    notes.push(`Ignored the layout ${quoted(layout.name)}: it is ${formatBytes(layout.size)}, more than ${formatBytes(MAX_LAYOUT_BYTES)}.`);
    layout = null;
  }
  return { ok: true, template, layout, notes };
}
