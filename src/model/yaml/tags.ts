import { YAMLMap, YAMLSeq } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';

/**
 * CloudFormation short-form intrinsic tags, registered once for the whole app.
 * Each tag is declared for all three node kinds so `!Sub "x"`, `!Sub [fmt, vars]` and
 * `!Transform {Name: ...}` all compose. The resolvers are identities: the node keeps its
 * tag and style, so an untouched `!Sub` is never re-printed as `Fn::Sub`.
 */
// Null-prototype maps: a key such as `toString` must not find Object.prototype's.
export const SHORT_TO_LONG: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!ForEach': 'Fn::ForEach',
});

export const LONG_TO_SHORT: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  Object.fromEntries(Object.entries(SHORT_TO_LONG).map(([s, l]) => [l, s])),
);

/** Every long-form intrinsic key (`Ref`, `Condition`, `Fn::*`). */
export function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::');
}

function declare(tag: string): Array<ScalarTag | CollectionTag> {
  return [
    { tag, resolve: (s: string) => s },
    { tag, collection: 'seq', nodeClass: YAMLSeq, resolve: (n) => n } as CollectionTag,
    { tag, collection: 'map', nodeClass: YAMLMap, resolve: (n) => n } as CollectionTag,
  ];
}

export const CFN_TAGS: ReadonlyArray<ScalarTag | CollectionTag> = Object.keys(SHORT_TO_LONG).flatMap(declare);
