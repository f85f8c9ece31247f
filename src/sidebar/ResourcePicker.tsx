import { useEffect, useMemo, useRef, useState } from 'react';
import { docsUrl } from '../model/spec/resourceTypes.ts';
import type { ResourceTypeEntry, ResourceTypeList } from '../model/spec/resourceTypes.ts';
import { searchResourceTypes } from '../model/spec/searchTypes.ts';
import { loadResourceTypes } from './resourceTypes.ts';
import './picker.css';

/** The MIME type a picker drag carries: the CloudFormation type to add. */
export const RESOURCE_TYPE_MIME = 'application/x-cairn-resource-type';

/** What the picker shows before anything is typed: types people reach for beside the palette. */
const COMMON = [
  'AWS::Events::EventBus', 'AWS::Events::Rule', 'AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine',
  'AWS::Logs::LogGroup', 'AWS::CloudWatch::Alarm', 'AWS::SecretsManager::Secret', 'AWS::SSM::Parameter',
  'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::SNS::Subscription', 'AWS::SQS::QueuePolicy', 'AWS::Scheduler::Schedule', 'AWS::Pipes::Pipe',
];
const SHOWN = 50;

interface Props {
  /** Adds a resource of this type (at the centre of the view, or where the palette item was dropped). */
  onChoose(type: string): void;
  onClose(): void;
}

type State = { status: 'loading' } | { status: 'loaded'; list: ResourceTypeList } | { status: 'failed'; message: string };

/**
 * "CloudFormation resource": a searchable list of every type in the resource specification.
 * Type words of the service and name (`sqs q`, `EventBus`), arrows to move, Enter to add, or
 * drag a type onto the canvas. Not modal: the canvas stays a drop target.
 */
export function ResourcePicker({ onChoose, onClose }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    let live = true;
    loadResourceTypes().then(
      (l) => live && setState({ status: 'loaded', list: l }),
      (e: unknown) => live && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
      // back to where the user was (the palette item), unless they have moved on
      if (box.current?.contains(document.activeElement) && before?.isConnected) before.focus();
    };
  }, []);
  // a press anywhere else closes it (a drag from it onto the canvas is not a press)
  useEffect(() => {
    const down = (e: PointerEvent) => {
      const t = e.target as Element | null;
      if (box.current && t && !box.current.contains(t) && !t.closest('[data-testid="palette.item.resource"]')) onClose();
    };
    document.addEventListener('pointerdown', down, true);
    return () => document.removeEventListener('pointerdown', down, true);
  }, [onClose]);
  const entries = state.status === 'loaded' ? state.list.entries : [];
  const matches: ResourceTypeEntry[] = useMemo(() => {
    if (state.status !== 'loaded') return [];
    if (query.trim()) return searchResourceTypes(entries, query, SHOWN);
    return COMMON.map((t) => state.list.get(t)).filter((e): e is ResourceTypeEntry => Boolean(e));
  }, [state, entries, query]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index, matches]);
  const choose = (e: ResourceTypeEntry | undefined) => {
    if (!e) return;
    onChoose(e.type);
  };
  const active = matches[Math.min(index, matches.length - 1)];
  return (
    <div ref={box} className="picker" role="dialog" aria-label="Add a CloudFormation resource" data-testid="resource-picker">
      <div className="picker-head">
        <input
          ref={input}
          value={query}
          placeholder="Search every resource type (sqs queue, EventBus, …)"
          aria-label="Resource type"
          role="combobox"
          aria-expanded="true"
          aria-controls="picker-list"
          aria-activedescendant={active ? `picker-${active.type}` : undefined}
          data-testid="resource-picker.input"
          onChange={(e) => (setQuery(e.target.value), setIndex(0))}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.preventDefault(), onClose());
            else if (e.key === 'ArrowDown') (e.preventDefault(), setIndex((i) => Math.min(i + 1, matches.length - 1)));
            else if (e.key === 'ArrowUp') (e.preventDefault(), setIndex((i) => Math.max(i - 1, 0)));
            else if (e.key === 'PageDown') (e.preventDefault(), setIndex((i) => Math.min(i + 8, matches.length - 1)));
            else if (e.key === 'PageUp') (e.preventDefault(), setIndex((i) => Math.max(i - 8, 0)));
            else if (e.key === 'Enter') (e.preventDefault(), choose(active));
          }}
        />
        <button type="button" className="picker-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="picker-hint" role="status">
        {state.status === 'loading' && 'Loading the resource types…'}
        {state.status === 'failed' && `Could not load the resource types: ${state.message}`}
        {state.status === 'loaded' &&
          (query.trim()
            ? `${matches.length === SHOWN ? `First ${SHOWN}` : matches.length} of ${entries.length.toLocaleString('en')} types. Enter adds, or drag one onto the canvas.`
            : `Common types. Type to search all ${entries.length.toLocaleString('en')}.`)}
      </p>
      <ul id="picker-list" ref={list} role="listbox" className="picker-list" aria-label="Resource types">
        {matches.map((e, i) => {
          const url = docsUrl(e.type);
          return (
            <li
              key={e.type}
              id={`picker-${e.type}`}
              role="option"
              aria-selected={e === active}
              data-testid={`resource-picker.item.${e.type}`}
              draggable
              onDragStart={(ev) => {
                ev.dataTransfer.setData(RESOURCE_TYPE_MIME, e.type);
                ev.dataTransfer.setData('text/plain', e.type);
                ev.dataTransfer.effectAllowed = 'copy';
              }}
              onMouseMove={() => i !== index && setIndex(i)}
              onClick={() => choose(e)}
            >
              <span className="picker-type">
                {e.type.slice(0, -e.name.length)}
                <strong>{e.name}</strong>
              </span>
              {e.description && <span className="picker-description">{e.description}</span>}
              <span className="picker-meta">
                {e.required.length ? `Requires ${e.required.join(', ')}` : 'No required properties'}
                {url && (
                  <>
                    {' · '}
                    <a href={url} target="_blank" rel="noopener noreferrer" onClick={(ev) => ev.stopPropagation()} tabIndex={-1}>
                      docs
                    </a>
                  </>
                )}
              </span>
            </li>
          );
        })}
        {state.status === 'loaded' && !matches.length && <li className="picker-none">No resource type matches “{query}”.</li>}
      </ul>
    </div>
  );
}
