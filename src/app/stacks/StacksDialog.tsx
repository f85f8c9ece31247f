import { useEffect, useState } from 'react';
import type { SampleInfo } from '../../protocol/samples.ts';
import type { StackInfo } from '../../protocol/stacks.ts';
import { Modal } from '../Modal.tsx';
import { fetchSampleList } from '../sample.ts';
import { createStack, importStack, listStacks, stackPageUrl } from './api.ts';
import './stacks.css';

interface Props {
  /** The stack open now, if any. */
  readonly current?: string;
  onClose(): void;
  /** Where opening a stack goes (a full page load of `/?stack=<name>`). */
  readonly navigate?: (url: string) => void;
}

/** What the server accepts as a stack name (server/git/names.ts), said before asking it. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const nameOk = (n: string) => NAME.test(n) && !n.includes('..') && !/(?:\.git|\.lock|\.)$/.test(n);

/**
 * The stacks the server hosts: open one, create one (empty or from a starter), or import a
 * git repository by URL. Each is a git repository, clonable at `/git/<name>.git`.
 */
export function StacksDialog({ current, onClose, navigate = (url) => location.assign(url) }: Props) {
  const [stacks, setStacks] = useState<StackInfo[] | null>(null);
  const [starters, setStarters] = useState<readonly SampleInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [starter, setStarter] = useState('');
  const [url, setUrl] = useState('');
  const [mode, setMode] = useState<'create' | 'import'>('create');
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    let gone = false;
    void listStacks().then((r) => {
      if (gone) return;
      if (r.ok) setStacks(r.value.stacks);
      else setError(`${r.message} (${r.code})`);
    });
    void fetchSampleList((u, init) => fetch(u, init)).then((r) => {
      if (gone || !r.ok) return;
      setStarters(r.samples);
      setStarter((s) => s || (r.samples.find((x) => x.file === 'orders-api.yaml')?.file ?? ''));
    });
    return () => {
      gone = true;
    };
  }, []);

  const submit = async () => {
    const n = name.trim();
    if (!nameOk(n)) return setProblem('A stack name is 1 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.');
    if (mode === 'import' && !/^https?:\/\//i.test(url.trim())) return setProblem('Give the repository’s http:// or https:// URL.');
    setWorking(true);
    setProblem(null);
    // a Serverless Framework service is kept as serverless.yml, as the framework expects
    const template = /^serverless\.ya?ml$/.test(starter) ? starter : undefined;
    const r = mode === 'create' ? await createStack({ name: n, ...(starter ? { starter } : {}), ...(template ? { template } : {}) }) : await importStack({ name: n, url: url.trim() });
    setWorking(false);
    if (!r.ok) return setProblem(`${r.message} (${r.code})`);
    navigate(stackPageUrl(r.value.name));
  };

  return (
    <Modal label="Stacks" testId="stacks.dialog" className="git-dialog stacks-dialog" onClose={onClose}>
      <h2>Stacks</h2>
      <p className="stacks-intro">Each stack is a git repository on this server. Open one to edit it, commit and push; clone it with <code>git clone {location.origin}/git/&lt;name&gt;.git</code>.</p>
      {error && (
        <p className="git-dialog-problem" role="alert">
          {error}
        </p>
      )}
      {stacks && stacks.length === 0 && <p data-testid="stacks.empty">No stacks yet: create the first one below.</p>}
      {stacks && stacks.length > 0 && (
        <ul className="stacks-list" data-testid="stacks.list">
          {stacks.map((s) => (
            <li key={s.name}>
              <a href={stackPageUrl(s.name)} data-testid="stacks.item" data-stack={s.name} aria-current={s.name === current ? 'page' : undefined}>
                <span className="stacks-item-name">{s.name}</span>
                <span className="stacks-item-template">{s.template}</span>
              </a>
              <code className="stacks-item-clone" title="Clone it with git">
                {location.origin}
                {s.gitPath}
              </code>
            </li>
          ))}
        </ul>
      )}
      <form
        className="stacks-create"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="stacks-mode" role="radiogroup" aria-label="New stack">
          <label>
            <input type="radio" name="mode" checked={mode === 'create'} onChange={() => setMode('create')} /> New stack
          </label>
          <label>
            <input type="radio" name="mode" data-testid="stacks.mode-import" checked={mode === 'import'} onChange={() => setMode('import')} /> Import a git repository
          </label>
        </div>
        <label>
          Name
          <input data-testid="stacks.new-name" data-autofocus value={name} onChange={(e) => setName(e.target.value)} placeholder="orders" spellCheck={false} />
        </label>
        {mode === 'create' ? (
          <label>
            Start from
            <select data-testid="stacks.new-starter" value={starter} onChange={(e) => setStarter(e.target.value)}>
              <option value="">An empty repository</option>
              {starters.map((s) => (
                <option key={s.file} value={s.file}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            Repository URL
            <input data-testid="stacks.import-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://github.com/acme/orders.git" spellCheck={false} />
          </label>
        )}
        {problem && (
          <p className="git-dialog-problem" role="alert" data-testid="stacks.problem">
            {problem}
          </p>
        )}
        <div className="git-dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" data-testid="stacks.create" disabled={working}>
            {working ? 'Working…' : mode === 'create' ? 'Create and open' : 'Import and open'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
