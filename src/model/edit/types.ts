import type { Diagnostic } from '../diagnostics/types.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import type { EditSession } from './session.ts';

/** A path below a resource (or parameter/output): keys, and indexes into existing lists. */
export type EditPath = readonly (string | number)[];

export type AccessLevel = 'read' | 'write' | 'crud';

/** Edits are plain serialisable objects, applied by one pure function: text + edit -> text. */
export type Edit =
  | { readonly op: 'setProperty'; readonly resource: string; readonly path: EditPath; readonly value: CfnValue }
  | { readonly op: 'deleteProperty'; readonly resource: string; readonly path: EditPath }
  | {
      readonly op: 'addResource';
      readonly resource: string;
      readonly type: string;
      readonly properties?: CfnObject;
      /** Other resource attributes: DependsOn, Condition, Metadata, DeletionPolicy, ... */
      readonly attributes?: CfnObject;
    }
  | { readonly op: 'removeResource'; readonly resource: string }
  | { readonly op: 'renameResource'; readonly resource: string; readonly to: string }
  | {
      readonly op: 'connect';
      readonly source: string;
      readonly target: string;
      readonly kind: 'trigger' | 'access';
      /** Access level for access wires (default from the wire rule). */
      readonly level?: AccessLevel;
      /** Event name for trigger wires (default derived from the source). */
      readonly name?: string;
      /** Extra event properties for trigger wires (e.g. `{BatchSize: 5}`, `{Path: '/orders', Method: 'post'}`). */
      readonly properties?: CfnObject;
      /**
       * A new Timer drawn on the canvas is the source: it has no text of its own until this wire
       * writes its schedule event, so `source` is the canvas's id for it (the event's name in SAM).
       */
      readonly newSource?: 'timer';
    }
  | { readonly op: 'disconnect'; readonly source: string; readonly target: string; readonly kind: 'trigger' | 'access' }
  /** Changes what an access wire grants in place (`DynamoDBCrudPolicy` -> `DynamoDBReadPolicy`), keeping its scope. */
  | { readonly op: 'setAccessLevel'; readonly source: string; readonly target: string; readonly level: AccessLevel }
  | { readonly op: 'setParameter'; readonly name: string; readonly path?: EditPath; readonly value: CfnValue }
  | { readonly op: 'removeParameter'; readonly name: string }
  | { readonly op: 'renameParameter'; readonly name: string; readonly to: string }
  | { readonly op: 'setOutput'; readonly name: string; readonly path?: EditPath; readonly value: CfnValue }
  | { readonly op: 'removeOutput'; readonly name: string }
  | { readonly op: 'renameOutput'; readonly name: string; readonly to: string }
  | { readonly op: 'setCondition'; readonly name: string; readonly value: CfnValue }
  | { readonly op: 'removeCondition'; readonly name: string }
  | { readonly op: 'renameCondition'; readonly name: string; readonly to: string }
  /** A Virtual Network: the VPC (Cairn's defaults unless `properties`), two private subnets, the functions' security group. */
  | { readonly op: 'addNetwork'; readonly resource: string; readonly properties?: CfnObject }
  /** Puts a function or database in the network's private subnets (moving it from another network). */
  | { readonly op: 'placeInNetwork'; readonly resource: string; readonly network: string }
  /** Takes out what placeInNetwork wrote. */
  | { readonly op: 'removeFromNetwork'; readonly resource: string }
  /** Deletes a network: what is placed in it is taken out (and stays), its subnets and security groups go with it. */
  | { readonly op: 'removeNetwork'; readonly resource: string };

export type EditOp = Edit['op'];

/** How one format carries out each op it supports (apply.ts dispatches through it). */
export type OpTable = { readonly [K in EditOp]?: (s: EditSession, e: Extract<Edit, { op: K }>) => void };

export type EditResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
