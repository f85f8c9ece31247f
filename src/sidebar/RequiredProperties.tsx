import { useEffect, useState } from 'react';
import type { GraphNode } from '../model/graph/types.ts';
import { docsUrl } from '../model/spec/resourceTypes.ts';
import type { ResourceTypeList } from '../model/spec/resourceTypes.ts';
import { isObject } from '../model/value.ts';
import type { CfnValue } from '../model/value.ts';
import { loadResourceTypes } from './resourceTypes.ts';
import './picker.css';

interface Props {
  readonly node: GraphNode;
  readonly definition: CfnValue | undefined;
  onReveal(path: readonly (string | number)[]): void;
}

/**
 * For a node edited as YAML (a CloudFormation resource the palette has no form for): the
 * properties its type requires, those still missing first, and its reference page.
 */
export function RequiredProperties({ node, definition, onReveal }: Props) {
  const [types, setTypes] = useState<ResourceTypeList | null>(null);
  useEffect(() => {
    let live = true;
    loadResourceTypes().then((t) => live && setTypes(t), () => {});
    return () => {
      live = false;
    };
  }, []);
  const entry = types?.get(node.type);
  if (!entry) return null;
  const props = isObject(definition) && isObject(definition['Properties']) ? definition['Properties'] : {};
  const missing = entry.required.filter((p) => !Object.hasOwn(props, p));
  const url = docsUrl(node.type);
  return (
    <section className="required" data-testid="inspector.required" aria-label={`What ${node.type} requires`}>
      <h3>{node.type}</h3>
      {entry.description && <p className="required-description">{entry.description}</p>}
      {missing.length > 0 ? (
        <p className="required-missing" role="status">
          Still needs {missing.join(', ')}: CloudFormation refuses the stack until {missing.length === 1 ? 'it is' : 'they are'} set.{' '}
          <button type="button" className="field-ref" onClick={() => onReveal(node.path)}>
            Edit in YAML
          </button>
        </p>
      ) : (
        <p className="required-ok">{entry.required.length ? `Has every required property (${entry.required.join(', ')}).` : 'No property is required.'}</p>
      )}
      {url && (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            {node.type} reference
          </a>
        </p>
      )}
    </section>
  );
}
