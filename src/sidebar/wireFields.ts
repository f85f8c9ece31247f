import type { EventSetting } from '../model/catalog/eventSettings.ts';
import type { CfnValue } from '../model/value.ts';
import type { Field, Parsed } from './inspectorFields.ts';
import { parseField } from './inspectorFields.ts';

const BOOLEAN_OPTIONS = ['true', 'false'] as const;

/**
 * The form field for an event setting. Options follow the case the file already uses
 * (`Method: post` offers `get, post, ...`; `Method: POST` offers `GET, POST, ...`).
 */
export function settingField(s: EventSetting, current: CfnValue | undefined): Field {
  let options = s.input === 'boolean' ? BOOLEAN_OPTIONS : s.options;
  if (options && typeof current === 'string' && !options.includes(current)) {
    const lower = current === current.toLowerCase();
    const cased = options.map((o) => (lower ? o.toLowerCase() : o.toUpperCase()));
    if (cased.includes(current)) options = cased;
  }
  return {
    name: s.name,
    label: s.label,
    input: s.input === 'number' ? 'number' : options ? 'select' : 'text',
    ...(options ? { options } : {}),
    ...(s.required ? { required: true } : {}),
    ...(s.min !== undefined ? { min: s.min } : {}),
    ...(s.max !== undefined ? { max: s.max } : {}),
    ...(s.help ? { help: s.help } : {}),
  };
}

/** A setting the file has that the form does not know: edited as what it is (number, boolean, text). */
export function writtenSetting(name: string, value: CfnValue | undefined): EventSetting | null {
  if (typeof value === 'number') return { name, label: name, input: 'number' };
  if (typeof value === 'boolean') return { name, label: name, input: 'boolean' };
  if (typeof value === 'string') return { name, label: name, input: 'text' };
  return null;
}

/** What was typed, as the value to write (`undefined`: remove the setting). */
export function parseSetting(s: EventSetting, text: string): Parsed {
  const p = parseField(settingField(s, undefined), text);
  if (!p.ok || p.value === undefined) return p;
  if (s.input === 'boolean') {
    if (p.value === 'true' || p.value === 'false') return { ok: true, value: p.value === 'true' };
    return { ok: false, reason: `${s.label} is true or false.` };
  }
  if (s.input === 'number' && !Number.isInteger(p.value)) return { ok: false, reason: `${s.label} must be a whole number.` };
  return p;
}
