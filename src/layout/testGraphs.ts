// Graphs for the layout tests (test support; not used by the app).
import type { Graph, GraphEdge, GraphNode } from '../model/graph/types.ts';
import type { Position, Positions, Size } from './types.ts';
import { DEFAULT_NODE_SIZE } from './types.ts';

export const VPC_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::HttpApi
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.2.0/24
  InnerFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: src/inner/
      Environment:
        Variables:
          TABLE: !Ref Table
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
      VpcConfig:
        SubnetIds: [!Ref SubnetA, !Ref SubnetB]
        SecurityGroupIds: []
      Events:
        Get:
          Type: HttpApi
          Properties:
            ApiId: !Ref Api
            Path: /x
            Method: GET
  OtherInnerFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: src/other/
      VpcConfig:
        SubnetIds: [!Ref SubnetA]
        SecurityGroupIds: []
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
`;

/** A layered architecture graph: `n` nodes, ~75 % of them in `groups` containers. */
export function bigGraph(n: number, groups: number): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let g = 0; g < groups; g++) nodes.push({ id: `Vpc${g}`, type: 'AWS::EC2::VPC', kind: 'virtual-network', path: [] });
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n - groups; i++) {
    const inGroup = i % 4 !== 0;
    nodes.push({ id: `N${i}`, type: 'AWS::Serverless::Function', kind: 'function', path: [], ...(inGroup ? { parent: `Vpc${i % groups}` } : {}) });
    if (i > 0) {
      const j = Math.floor(rand() * i);
      edges.push({ id: `e${i}`, source: `N${j}`, target: `N${i}`, kind: i % 3 === 0 ? 'reference' : 'trigger', sources: [] });
    }
  }
  return { nodes, edges };
}

/** Absolute boxes: a child's position is relative to its parent (React Flow sub-flows). */
export function absoluteBoxes(graph: Graph, positions: Positions, sizes: Readonly<Record<string, Size>> = {}): Map<string, { x: number; y: number; w: number; h: number }> {
  const parent = new Map(graph.nodes.filter((n) => n.parent).map((n) => [n.id, n.parent!]));
  const out = new Map<string, { x: number; y: number; w: number; h: number }>();
  const abs = (id: string): { x: number; y: number } => {
    const p: Position = positions[id]!;
    const par = parent.get(id);
    if (par === undefined || !positions[par]) return { x: p.x, y: p.y };
    const pp = abs(par);
    return { x: pp.x + p.x, y: pp.y + p.y };
  };
  for (const n of graph.nodes) {
    const p = positions[n.id];
    if (!p) continue;
    const a = abs(n.id);
    out.set(n.id, { ...a, w: p.width ?? sizes[n.id]?.width ?? DEFAULT_NODE_SIZE.width, h: p.height ?? sizes[n.id]?.height ?? DEFAULT_NODE_SIZE.height });
  }
  return out;
}

export function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
