import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStore } from '../store.ts';
import { documentOpened, redone, textEdited, undone } from '../document/slice.ts';
import { editsAppliedAndPlaced } from './editsPlaced.ts';
import { selectGraph } from '../document/selectors.ts';

const TEXT = `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Handler: index.handler}
  Q:
    Type: AWS::SQS::Queue
`;

function opened() {
  const store = createStore();
  store.dispatch(documentOpened({ name: 't.yaml', text: TEXT, layout: { Net: { x: 100, y: 100 }, Fn: { x: 500, y: 150 }, Q: { x: 0, y: 0 } } }));
  return store;
}

test('applied edits keep the new places, in one undo step', () => {
  const store = opened();
  store.dispatch(editsAppliedAndPlaced([{ op: 'placeInNetwork', resource: 'Fn', network: 'Net' }], { Fn: { x: 40, y: 60 } }, { Q: { x: 5, y: 5 } }));
  assert.equal(selectGraph(store.getState()).nodes.find((n) => n.id === 'Fn')?.parent, 'Net');
  assert.deepEqual(store.getState().layout.positions['Fn'], { x: 40, y: 60 });
  assert.deepEqual(store.getState().layout.positions['Q'], { x: 5, y: 5 });
  store.dispatch(undone());
  assert.equal(store.getState().document.text, TEXT);
});

test('refused edits keep the old places of the nodes they concern, and say why', () => {
  const store = opened();
  store.dispatch(editsAppliedAndPlaced([{ op: 'placeInNetwork', resource: 'Q', network: 'Net' }], { Q: { x: 40, y: 60 } }, { Fn: { x: 510, y: 150 } }));
  assert.equal(store.getState().document.text, TEXT);
  assert.equal(store.getState().document.refused?.[0]?.code, 'NETWORK_NOT_PLACEABLE');
  assert.deepEqual(store.getState().layout.positions['Q'], { x: 0, y: 0 });
  assert.deepEqual(store.getState().layout.positions['Fn'], { x: 510, y: 150 });
});

test('no edits: only places', () => {
  const store = opened();
  store.dispatch(editsAppliedAndPlaced([], {}, { Fn: { x: 1, y: 2 } }));
  assert.equal(store.getState().document.revision, 1);
  assert.deepEqual(store.getState().layout.positions['Fn'], { x: 1, y: 2 });
});

test('undo and redo keep a node where it was in each container (positions are relative to it)', () => {
  const store = opened();
  // dropped into the network at (540, 250) on the canvas: (440, 150) in the network's frame
  store.dispatch(editsAppliedAndPlaced([{ op: 'placeInNetwork', resource: 'Fn', network: 'Net' }], { Fn: { x: 440, y: 150 } }));
  // then dragged out again, to (900, 600)
  store.dispatch(editsAppliedAndPlaced([{ op: 'removeFromNetwork', resource: 'Fn' }], { Fn: { x: 900, y: 600 } }));
  const at = () => store.getState().layout.positions['Fn'];
  store.dispatch(undone());
  assert.equal(selectGraph(store.getState()).nodes.find((n) => n.id === 'Fn')?.parent, 'Net');
  assert.deepEqual(at(), { x: 440, y: 150 }, 'back where it was in the network');
  store.dispatch(undone());
  assert.equal(selectGraph(store.getState()).nodes.find((n) => n.id === 'Fn')?.parent, undefined);
  assert.deepEqual(at(), { x: 900, y: 600 }, 'where it last was outside');
  store.dispatch(redone());
  assert.deepEqual(at(), { x: 440, y: 150 });
});

test('a container typed into the YAML keeps the node on the same spot of the canvas', () => {
  const store = opened();
  const typed = TEXT.replace('    Properties: {Handler: index.handler}\n', '    Properties: {Handler: index.handler}\n  S:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Net}\n').replace('{Handler: index.handler}', '{Handler: index.handler, VpcConfig: {SubnetIds: [!Ref S]}}');
  store.dispatch(textEdited(typed));
  assert.equal(selectGraph(store.getState()).nodes.find((n) => n.id === 'Fn')?.parent, 'Net');
  assert.deepEqual(store.getState().layout.positions['Fn'], { x: 400, y: 50 });
});
