import { useEffect, useState } from 'react';
import { envValueRemoved, envValueSet, isEnvName, regionChosen, stageChosen } from '../store/document/stage.ts';
import { selectEnvNamesUsed, selectStageChoices } from '../store/document/stageSelectors.ts';
import { useAppDispatch, useAppSelector } from '../store/hooks.ts';
import type { RootState } from '../store/store.ts';
import './stagePicker.css';

/*
 * The stage a serverless.yml's variables are shown resolved for, its region, and values for
 * `${env:NAME}`. None of it is written into the file: it is kept in this browser with the work
 * in progress. Test ids: `stage.picker`, `stage.env`, `stage.env.<NAME>`, `stage.env.add`.
 */

const selectEnv = (s: RootState) => s.stage.env;

/** A text input that commits on Enter, on leaving it, or on picking one of its suggestions. */
function CommitInput({ id, value, placeholder, list, onCommit, ...aria }: { id: string; value: string; placeholder?: string; list?: string; onCommit(v: string): void; 'aria-label'?: string }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = (v: string) => v !== value && onCommit(v);
  return (
    <input
      id={id}
      value={draft}
      list={list}
      placeholder={placeholder}
      spellCheck={false}
      autoComplete="off"
      {...aria}
      onChange={(e) => {
        setDraft(e.target.value);
        // a suggestion picked from the list is a choice, not typing
        const kind = (e.nativeEvent as InputEvent).inputType;
        if (list && (kind === undefined || kind === 'insertReplacementText')) commit(e.target.value);
      }}
      onBlur={() => commit(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(draft);
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}

export function StagePicker() {
  const dispatch = useAppDispatch();
  const choices = useAppSelector(selectStageChoices);
  const env = useAppSelector(selectEnv);
  const used = useAppSelector(selectEnvNamesUsed);
  if (!choices) return null;
  return (
    <section className="stage-picker" data-testid="stage.picker" aria-label="Stage and variables">
      <div className="stage-row">
        <div className="stage-field">
          <label htmlFor="stage-stage">Stage</label>
          <CommitInput id="stage-stage" value={choices.stage} placeholder={choices.defaultStage} list="stage-stages" onCommit={(v) => dispatch(stageChosen(v))} />
          <datalist id="stage-stages">
            {choices.stages.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
        <div className="stage-field">
          <label htmlFor="stage-region">Region</label>
          <CommitInput id="stage-region" value={choices.region} placeholder={choices.defaultRegion} onCommit={(v) => dispatch(regionChosen(v))} />
        </div>
      </div>
      {choices.stages.length > 1 && (
        <div className="stage-chips" role="group" aria-label="Stages of this file">
          {choices.stages.map((s) => (
            <button key={s} type="button" aria-pressed={s === choices.stage} onClick={() => dispatch(stageChosen(s === choices.defaultStage ? null : s))}>
              {s}
            </button>
          ))}
        </div>
      )}
      <p className="stage-note">Variables are shown resolved for this stage. The file is not changed.</p>
      <EnvValues env={env} used={used} />
    </section>
  );
}

/** Values for `${env:NAME}`: a name=value list, kept in this browser only. */
function EnvValues({ env, used }: { env: Readonly<Record<string, string>>; used: readonly string[] }) {
  const dispatch = useAppDispatch();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const names = Object.keys(env);
  const [open, setOpen] = useState(names.length > 0);
  const missing = used.filter((n) => !Object.hasOwn(env, n));
  const add = () => {
    const n = name.trim();
    if (!isEnvName(n)) return setError('A name: letters, digits and _, not starting with a digit.');
    dispatch(envValueSet({ name: n, value }));
    setName('');
    setValue('');
    setError(null);
  };
  return (
    <details className="stage-env" data-testid="stage.env" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Env values <span className="stage-count">{names.length ? `${names.length} set` : 'none set'}</span>
      </summary>
      <p className="stage-note">
        For <code>{'${env:NAME}'}</code>. Kept in this browser only, never written to the file; not for secrets.
      </p>
      {names.length > 0 && (
        <ul className="stage-env-list">
          {names.map((n) => (
            <li key={n} data-testid={`stage.env.${n}`}>
              <code className="stage-env-name">{n}</code>
              <CommitInput id={`stage-env-${n}`} aria-label={`Value of ${n}`} value={env[n]!} onCommit={(v) => dispatch(envValueSet({ name: n, value: v }))} />
              <button type="button" className="param-remove" aria-label={`Remove env value ${n}`} onClick={() => dispatch(envValueRemoved(n))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="stage-env-add" data-testid="stage.env.add">
        <input aria-label="Env name" placeholder={missing[0] ?? 'NAME'} list="stage-env-names" value={name} spellCheck={false} autoComplete="off" aria-invalid={error ? true : undefined} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        <datalist id="stage-env-names">
          {missing.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <input aria-label="Env value" placeholder="value" value={value} spellCheck={false} autoComplete="off" onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} />
        <button type="button" onClick={add}>
          Add
        </button>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </details>
  );
}
