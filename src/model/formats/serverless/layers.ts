import type { Path } from '../../diagnostics/types.ts';
import { collectRefs } from '../../graph/refs.ts';
import { isObject } from '../../value.ts';
import type { CfnValue } from '../../value.ts';
import type { GraphBuilder } from './builder.ts';
import { mapAt } from './builder.ts';
import { isArn } from './names.ts';

/** A part of an ARN between colons; a `${AWS::Region}` in it is one part. */
const PART = '(?:\\$\\{[^}]*\\}|[^:])*';
const LAYER_ARN = new RegExp(`^arn:${PART}:lambda:${PART}:${PART}:layer:`);

/**
 * Layers from outside the stack: a layer ARN in `functions.<fn>.layers` or `provider.layers`
 * (a literal, a `${...}` string or a `Fn::Sub` whose text, as written or resolved, has the shape
 * of a layer ARN) is an Existing node, its id the ARN as written, so every function using
 * one layer shares one node; the function refers to it. `provider.layers` apply to the
 * functions without `layers` of their own (the framework does not merge the two lists), and
 * their references to the file's own layers are drawn here too; a function's own references
 * to them are read with its other settings (graph.ts, `addReferences`).
 */
export function addLayers(b: GraphBuilder): void {
  const provider = mapAt(b.file, 'provider')['layers'];
  for (const [fn, def] of Object.entries(mapAt(b.file, 'functions'))) {
    const own = isObject(def) ? def['layers'] : undefined;
    if (Array.isArray(own)) own.forEach((v, i) => outside(b, fn, v, ['functions', fn, 'layers', i]));
    else if (own === undefined && Array.isArray(provider)) {
      provider.forEach((v, i) => {
        const path: Path = ['provider', 'layers', i];
        if (!outside(b, fn, v, path)) inStack(b, fn, v, path);
      });
    }
  }
}

/** The ARN text of a layer entry, when it shows one: the string, or the `Fn::Sub` template. */
function arnText(b: GraphBuilder, v: CfnValue): string | undefined {
  const sub = isObject(v) ? v['Fn::Sub'] : undefined;
  const text = typeof v === 'string' ? v : typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  if (text === undefined) return undefined;
  if (LAYER_ARN.test(text)) return text;
  const resolved = text.includes('${') ? b.scope.resolve(text) : text;
  return typeof resolved === 'string' && isArn(resolved) && LAYER_ARN.test(resolved) ? text : undefined;
}

function outside(b: GraphBuilder, fn: string, v: CfnValue, path: Path): boolean {
  const arn = arnText(b, v);
  if (arn === undefined) return false;
  const id = b.existing(arn, path, 'layer');
  b.edge(fn, id, 'reference', { via: 'property', name: 'layers', path });
  return true;
}

function inStack(b: GraphBuilder, fn: string, v: CfnValue, path: Path): void {
  for (const r of collectRefs(v, path)) {
    const to = b.scope.ids.get(r.target);
    if (to !== undefined && to !== fn && b.has(to)) b.edge(fn, to, 'reference', { via: r.via, path: r.path });
  }
}
