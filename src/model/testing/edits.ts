import assert from 'node:assert/strict';
import { applyEdit, applyEdits } from '../edit/apply.ts';
import type { Edit } from '../edit/types.ts';

/** Applies edits that must apply; the new text. */
export function ok(text: string, edit: Edit | Edit[]): string {
  const r = applyEdits(text, Array.isArray(edit) ? edit : [edit]);
  if (!r.ok) assert.fail(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return r.text;
}

/** An edit that must be refused with `code`; the message. */
export function refused(text: string, edit: Edit, code: string): string {
  const r = applyEdit(text, edit);
  assert.equal(r.ok, false, 'expected a refusal');
  if (r.ok) return '';
  assert.equal(r.diagnostics[0]!.code, code, r.diagnostics[0]!.message);
  return r.diagnostics[0]!.message;
}
