import type { Path } from '../diagnostics/types.ts';

/** Curated node kinds (PRODUCT.md); `resource` is any other CloudFormation type. */
export type NodeKind =
  | 'function'
  | 'rest-api'
  | 'http-api'
  | 'graphql-api'
  | 'table'
  | 'object-store'
  | 'topic'
  | 'queue'
  | 'stream'
  | 'timer'
  | 'user-pool'
  | 'secrets'
  | 'layer'
  | 'cdn'
  | 'edge-function'
  | 'virtual-network'
  | 'database'
  | 'docker-task'
  | 'existing'
  | 'resource';

export interface GraphNode {
  /** The logical id, or for nodes without a resource of their own (a Timer) a derived id. */
  readonly id: string;
  /** The CloudFormation type, or a Cairn pseudo type for derived nodes (`Cairn::Timer`). */
  readonly type: string;
  readonly kind: NodeKind;
  /** The container (Virtual Network) this node is drawn inside, if any. */
  readonly parent?: string;
  /** One of the parent network's own parts (a subnet, a security group, a DB subnet group), not something placed in it. */
  readonly part?: true;
  /** Where the node's definition lives in the template. */
  readonly path: Path;
  /** Made by a transform or outside the template (SAM's implicit API, an imported value): not editable. */
  readonly implicit?: true;
}

export type EdgeKind = 'trigger' | 'access' | 'reference' | 'containment';

/** One piece of template text that makes (part of) a wire. */
export interface WireSource {
  readonly via: 'event' | 'policy-template' | 'statement' | 'env' | 'ref' | 'getatt' | 'sub' | 'depends-on' | 'import-value' | 'vpc' | 'property';
  readonly path: Path;
  /** Event type, policy template name, env var name: whatever names this piece. */
  readonly name?: string;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: EdgeKind;
  readonly sources: readonly WireSource[];
}

/**
 * A permission in the file that no access wire shows: an IAM statement naming nothing in the
 * stack (`Resource: '*'`, an ARN outside it), or a managed policy. Kept so that the inspector can
 * list it on the functions it applies to; serverless.yml only, for now (SAM templates show these
 * as the function's own policy text).
 */
export interface UnwiredPermission {
  readonly via: 'statement' | 'managed-policy';
  /** The statement (or the managed policy's list item). */
  readonly path: Path;
  /** Node ids of the functions it applies to (every function sharing the role). */
  readonly principals: readonly string[];
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Permissions no wire shows (absent when there are none). */
  readonly unwired?: readonly UnwiredPermission[];
}
