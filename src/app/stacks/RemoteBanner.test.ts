import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { RemoteBanner } from './RemoteBanner.tsx';
import type { SessionState, StackSession } from './session.ts';

const state = { phase: 'ready', status: null, busy: null, replacing: false, saving: false, remote: null, problem: null, notice: null, doc: null, restored: false } as unknown as SessionState;
// rendering never calls the session; clicks are the e2e suite's
const session = {} as StackSession;

test('a branch deleted on the server: the banner says so and offers only to put it away', () => {
  const html = renderToStaticMarkup(
    createElement(RemoteBanner, { session, state, remote: { kind: 'deleted', branch: 'feature/<x>', oid: '', author: null, message: null, time: null } }),
  );
  assert.match(html, /data-kind="deleted"/);
  assert.match(html, /feature\/&lt;x&gt; was deleted on the server\./);
  assert.match(html, /Your edits and commits here are kept; a push makes the branch again\./);
  assert.match(html, /data-testid="git\.remote-changed\.dismiss"/);
  assert.doesNotMatch(html, /git\.remote-changed\.refresh|git\.remote-changed\.move/);
});

test('a moved branch still offers refresh and a new branch', () => {
  const html = renderToStaticMarkup(
    createElement(RemoteBanner, { session, state, remote: { kind: 'moved', branch: 'main', oid: 'a'.repeat(40), author: 'Ada <ada@example.com>', message: 'Theirs', time: null } }),
  );
  assert.match(html, /main moved on the server\./);
  assert.match(html, /Now at “Theirs” by Ada/);
  assert.match(html, /git\.remote-changed\.refresh/);
  assert.match(html, /git\.remote-changed\.move/);
});
