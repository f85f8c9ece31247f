import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStore } from '../store.ts';
import { documentOpened, editsApplied, textEdited, undone } from '../document/slice.ts';
import { selectSelectedEdge, selectSelectedWire } from './selectors.ts';
import { edgeSelected, selectionChanged, selectionRenamed } from './slice.ts';

const TEXT = `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
  Table:
    Type: AWS::DynamoDB::Table
`;
const WIRE = { source: 'Fn', target: 'Table', kind: 'access' } as const;

function opened() {
  const store = createStore();
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT }));
  return store;
}

test('a wire and nodes are never selected together, in the order React Flow reports changes', () => {
  const store = opened();
  store.dispatch(selectionChanged(['Table']));
  // a wire click: the wire is selected first, then the node's deselection arrives
  store.dispatch(edgeSelected(WIRE));
  store.dispatch(selectionChanged([]));
  assert.deepEqual(store.getState().selection, { ids: [], edge: WIRE });
  assert.equal(selectSelectedEdge(store.getState())?.id, 'Fn-access-Table');
  // a node click: the node first, then the wire's deselection
  store.dispatch(selectionChanged(['Fn']));
  store.dispatch(edgeSelected(null));
  assert.deepEqual(store.getState().selection, { ids: ['Fn'], edge: null });
});

test('the selected wire follows a rename of either end; opening a file clears it', () => {
  const store = opened();
  store.dispatch(edgeSelected(WIRE));
  store.dispatch(editsApplied([{ op: 'renameResource', resource: 'Table', to: 'Orders' }]));
  store.dispatch(selectionRenamed({ from: 'Table', to: 'Orders' }));
  assert.equal(selectSelectedEdge(store.getState())?.id, 'Fn-access-Orders');
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT }));
  assert.equal(store.getState().selection.edge, null);
});

test('a removed wire is no longer selected; undo brings it back with its description', () => {
  const store = opened();
  store.dispatch(edgeSelected(WIRE));
  assert.equal(selectSelectedWire(store.getState())?.access?.level, 'crud');
  store.dispatch(editsApplied([{ op: 'disconnect', ...WIRE }]));
  assert.equal(selectSelectedEdge(store.getState()), null);
  assert.equal(selectSelectedWire(store.getState()), null);
  store.dispatch(undone());
  assert.equal(selectSelectedWire(store.getState())?.parts[0]?.fragment?.text, '- DynamoDBCrudPolicy:\n            TableName: !Ref Table');
});

test('while the YAML does not parse, the wire stays selected but is not described', () => {
  const store = opened();
  store.dispatch(edgeSelected(WIRE));
  store.dispatch(textEdited(TEXT + '  Broken: [\n'));
  assert.equal(selectSelectedEdge(store.getState())?.id, 'Fn-access-Table');
  assert.equal(selectSelectedWire(store.getState()), null);
});

test('a level change from the inspector is one undoable edit', () => {
  const store = opened();
  store.dispatch(edgeSelected(WIRE));
  store.dispatch(editsApplied([{ op: 'setAccessLevel', ...WIRE, level: 'read' }]));
  assert.equal(selectSelectedWire(store.getState())?.access?.level, 'read');
  assert.ok(store.getState().document.text.includes('- DynamoDBReadPolicy:'));
  store.dispatch(undone());
  assert.equal(store.getState().document.text, TEXT);
});
