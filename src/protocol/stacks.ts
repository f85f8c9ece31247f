/**
 * The stacks API's wire format (docs/server.md). A stack is a hosted repository plus the
 * path of its template inside it; several stacks may share one repository.
 */
export interface StackRecord {
  readonly name: string;
  /** The repository's directory name under the data directory's `repos/` (without `.git`). */
  readonly repo: string;
  /** The template's path inside the repository. */
  readonly template: string;
  /** ISO 8601 */
  readonly createdAt: string;
}

/** What `GET /api/stacks` and friends answer for one stack. */
export interface StackInfo extends StackRecord {
  /** Path of the smart-HTTP remote, relative to the server: `/git/<name>.git`. */
  readonly gitPath: string;
}

/** `POST /api/stacks`: empty, from a starter (a file of the gallery), or sharing another stack's repository. */
export interface CreateStackRequest {
  readonly name: string;
  readonly template?: string;
  readonly starter?: string;
  /** An existing stack whose repository this stack shares (with another template path). */
  readonly shareWith?: string;
}

/** `POST /api/stacks/import`: exactly one of `url` (http or https) and `path` (a local repository). */
export interface ImportStackRequest {
  readonly name: string;
  readonly url?: string;
  readonly path?: string;
  readonly template?: string;
}

/** `PATCH /api/stacks/<name>` */
export interface RenameStackRequest {
  readonly name: string;
}

/** One `event: ref` of `GET /api/stacks/<name>/events` (server-sent events). */
export interface RefChange {
  readonly stack: string;
  readonly ref: string;
  /** 40 zeros when the ref was created */
  readonly oldOid: string;
  readonly newOid: string;
  /** `Name <email>` of the new head's author */
  readonly author: string;
  /** the new head's subject line */
  readonly message: string;
  /** the new head's committer date, ISO 8601 */
  readonly time: string;
}
