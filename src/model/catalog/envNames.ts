/**
 * Environment variable names for access wires.
 *
 * Rule: `<PREFIX>_<WHAT>`, where PREFIX is the target's logical id in SCREAMING_SNAKE
 * (`OrdersTable` -> `ORDERS_TABLE`), followed by the kind's noun when the id does not already
 * end with it or an alias (`Orders` as a table -> `ORDERS_TABLE`, never `ORDERS_TABLE_TABLE`;
 * trailing digits are ignored for that check). WHAT says which value it is: `NAME`, `ARN`,
 * `URL`, `ID`, ... So a table `Table` gives `TABLE_NAME`/`TABLE_ARN`, a queue `Jobs` gives
 * `JOBS_QUEUE_URL`, a bucket `UploadsBucket` gives `UPLOADS_BUCKET_NAME`.
 */

/** `OrdersTable` -> `ORDERS_TABLE`, `HTTPApi` -> `HTTP_API`, `S3Bucket` -> `S3_BUCKET`, `OrdersGraphQL` -> `ORDERS_GRAPHQL`. */
export function screamingSnake(id: string): string {
  return id
    .replace(/GraphQL/g, 'Graphql')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** The PREFIX part of the rule above; `nouns[0]` is appended when the id ends with none of `nouns`. */
export function envPrefix(id: string, nouns: readonly string[]): string {
  const prefix = screamingSnake(id);
  const words = prefix.split('_');
  const last = words[words.length - 1]!.replace(/[0-9]+$/, '');
  const tail = [...words.slice(0, -1), last];
  const endsWith = (noun: string): boolean => {
    const n = noun.split('_');
    return n.length <= tail.length && n.every((w, i) => tail[tail.length - n.length + i] === w);
  };
  if (!nouns.length || nouns.some(endsWith)) return prefix;
  return `${prefix}_${nouns[0]!}`;
}
