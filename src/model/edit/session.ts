import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Style } from '../text/style.ts';
import { applySplices } from '../text/splice.ts';
import type { Splice } from '../text/splice.ts';
import { parseCached, rememberParsed } from '../yaml/cache.ts';
import { reparseLocally } from '../yaml/incremental.ts';
import type { Parsed } from '../yaml/parse.ts';
import type { CfnObject } from '../value.ts';
import { EditError, findPair } from './cst.ts';
import type { EditContext } from './cst.ts';

/**
 * The working state of one edit: the current text and its parse. Ops apply splices through
 * it; composite ops (remove a resource and what only it needed) re-read between steps.
 */
export class EditSession {
  private parsedText: Parsed;
  private styleCache: Style | null = null;

  constructor(public text: string) {
    this.parsedText = parseCached(text);
  }

  get parsed(): Parsed {
    return this.parsedText;
  }

  get value(): CfnObject {
    const v = this.parsedText.value;
    if (!v || this.parsedText.blocked || !this.parsedText.doc) {
      throw new EditError('EDIT_TEMPLATE_UNREADABLE', 'The template does not parse; fix it before editing.');
    }
    return v;
  }

  get style(): Style {
    return (this.styleCache ??= this.parsedText.style);
  }

  get ctx(): EditContext {
    this.value; // throws if unreadable
    return { text: this.text, doc: this.parsedText.doc!, style: this.style };
  }

  get root(): YAMLMap {
    const c = this.ctx.doc.contents;
    if (!isMap(c)) throw new EditError('EDIT_TEMPLATE_UNREADABLE', 'The template is not a mapping.');
    return c;
  }

  /** A top-level section (`Resources`, `Outputs`, ...) as a mapping, if present. */
  section(name: string): YAMLMap | undefined {
    const p = findPair(this.root, name);
    if (!p) return undefined;
    if (!isMap(p.value)) {
      if (p.value === null || (p.value as { value?: unknown }).value === null) return undefined;
      throw new EditError('EDIT_BAD_SECTION', `${name} is not a mapping.`, [name]);
    }
    return p.value;
  }

  apply(splices: readonly Splice[]): void {
    if (!splices.length) return;
    const style = this.style;
    const old = this.parsedText;
    this.text = applySplices(this.text, splices);
    const local = reparseLocally(old, this.text, splices);
    this.parsedText = local ? rememberParsed(local) : parseCached(this.text);
    if (this.parsedText.blocked) {
      const first = this.parsedText.diagnostics[0];
      throw new EditError('EDIT_PRODUCED_INVALID', `The edit would produce an unreadable template${first ? `: ${first.message}` : ''}. Nothing was written.`);
    }
    this.styleCache = style; // the file's style does not change because of our own text
  }
}
