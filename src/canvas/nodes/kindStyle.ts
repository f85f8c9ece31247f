import type { NodeKind } from '../../model/graph/types.ts';

/** Glyph and accent per node kind: readable at a glance, consistent with the palette. */
export const KIND_STYLE: Readonly<Record<NodeKind, { readonly glyph: string; readonly accent: string; readonly label: string }>> = {
  function: { glyph: 'λ', accent: '#e8710a', label: 'Function' },
  'edge-function': { glyph: 'λ', accent: '#b05a00', label: 'Edge Function' },
  'rest-api': { glyph: 'API', accent: '#7b3fe4', label: 'REST API' },
  'http-api': { glyph: 'API', accent: '#9c5cf0', label: 'HTTP API' },
  'graphql-api': { glyph: 'GQL', accent: '#d6246e', label: 'GraphQL API' },
  table: { glyph: 'DB', accent: '#2f6fde', label: 'Table' },
  'object-store': { glyph: 'S3', accent: '#3d8b37', label: 'Object Store' },
  topic: { glyph: 'SNS', accent: '#c2185b', label: 'Topic' },
  queue: { glyph: 'SQS', accent: '#c2185b', label: 'Queue' },
  stream: { glyph: 'KDS', accent: '#6a3fb5', label: 'Stream' },
  timer: { glyph: 'CRON', accent: '#c2185b', label: 'Timer' },
  'user-pool': { glyph: 'ID', accent: '#d13212', label: 'User Pool' },
  secrets: { glyph: 'KEY', accent: '#d13212', label: 'Secrets' },
  layer: { glyph: 'L', accent: '#e8710a', label: 'Layer' },
  cdn: { glyph: 'CDN', accent: '#7b3fe4', label: 'CDN' },
  'virtual-network': { glyph: 'VPC', accent: '#3949ab', label: 'Virtual Network' },
  database: { glyph: 'RDS', accent: '#2f6fde', label: 'Database' },
  'docker-task': { glyph: 'ECS', accent: '#e8710a', label: 'Docker Task' },
  existing: { glyph: 'EXT', accent: '#5f6b7a', label: 'Existing' },
  resource: { glyph: 'CFN', accent: '#5f6b7a', label: 'CloudFormation' },
};
