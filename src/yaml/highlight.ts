import { HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/**
 * The YAML panel's syntax colours: CodeMirror's default highlight style, tag for tag, with each
 * colour taken from a CSS variable (`--tok-*` in app/styles.css), so the panel follows the
 * page's light or dark colours. The light values are the default style's own.
 */
export const cairnHighlightStyle = HighlightStyle.define([
  { tag: tags.meta, color: 'var(--tok-meta)' },
  { tag: tags.link, textDecoration: 'underline' },
  { tag: tags.heading, textDecoration: 'underline', fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: tags.keyword, color: 'var(--tok-keyword)' },
  { tag: [tags.atom, tags.bool, tags.url, tags.contentSeparator, tags.labelName], color: 'var(--tok-atom)' },
  { tag: [tags.literal, tags.inserted], color: 'var(--tok-literal)' },
  { tag: [tags.string, tags.deleted], color: 'var(--tok-string)' },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], color: 'var(--tok-string-special)' },
  { tag: tags.definition(tags.variableName), color: 'var(--tok-variable-def)' },
  { tag: tags.local(tags.variableName), color: 'var(--tok-variable-local)' },
  { tag: [tags.typeName, tags.namespace], color: 'var(--tok-type)' },
  { tag: tags.className, color: 'var(--tok-class)' },
  { tag: [tags.special(tags.variableName), tags.macroName], color: 'var(--tok-variable-special)' },
  { tag: tags.definition(tags.propertyName), color: 'var(--tok-property-def)' },
  { tag: tags.comment, color: 'var(--tok-comment)' },
  { tag: tags.invalid, color: 'var(--tok-invalid)' },
]);
