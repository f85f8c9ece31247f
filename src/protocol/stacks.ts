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
  /**
   * Set for an external stack: the repository lives on another host (GitHub, GitLab, any
   * smart-HTTP remote) and `/git/<name>.git` relays to it; `repo` then only reserves the name.
   */
  readonly remote?: StackRemote;
}

/** Where an external stack's repository lives. Its token and webhook secret are never sent. */
export interface StackRemote {
  /** http or https, without credentials */
  readonly url: string;
}

/** What the API says about an external stack's remote: never the token or secret themselves. */
export interface StackRemoteInfo extends StackRemote {
  readonly hasToken: boolean;
  readonly hasWebhookSecret: boolean;
  /** Path of the webhook endpoint, relative to the server: `/api/webhooks/<name>`. */
  readonly webhookPath: string;
}

/** What `GET /api/stacks` and friends answer for one stack. */
export interface StackInfo extends Omit<StackRecord, 'remote'> {
  /** Path of the smart-HTTP remote, relative to the server: `/git/<name>.git`. */
  readonly gitPath: string;
  readonly remote?: StackRemoteInfo;
}

/** `POST /api/stacks`: empty, from a starter (a file of the gallery), or sharing another stack's repository. */
export interface CreateStackRequest {
  readonly name: string;
  readonly template?: string;
  readonly starter?: string;
  /** An existing stack whose repository this stack shares (with another template path). */
  readonly shareWith?: string;
  /** An external stack: nothing is created locally; `/git/<name>.git` relays to `remote.url`. */
  readonly remote?: CreateStackRemote;
}

/**
 * The remote of a new external stack. `token` (sent as the Basic-auth password, with
 * `username`, default `x-access-token`) and `webhookSecret` are kept server-side only.
 */
export interface CreateStackRemote {
  readonly url: string;
  readonly token?: string;
  readonly username?: string;
  readonly webhookSecret?: string;
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

/**
 * `PATCH /api/stacks/<name>` of an external stack: sets (a string) or removes (`null`) its
 * token, username or webhook secret; `name` renames it as well.
 */
export interface UpdateStackRequest {
  readonly name?: string;
  readonly token?: string | null;
  readonly username?: string | null;
  readonly webhookSecret?: string | null;
}

/** One `event: ref` of `GET /api/stacks/<name>/events` (server-sent events). */
export interface RefChange {
  readonly stack: string;
  readonly ref: string;
  /** 40 zeros when the ref was created */
  readonly oldOid: string;
  readonly newOid: string;
  /**
   * `Name <email>` of the new head's author. The empty string when the server does not know
   * it: changes on an external stack's remote (the server never fetches objects); the
   * browser reads it from the commit after it fetches. Same for `message` and `time`.
   */
  readonly author: string;
  /** the new head's subject line ('' when unknown, see `author`) */
  readonly message: string;
  /** the new head's committer date, ISO 8601 ('' when unknown, see `author`) */
  readonly time: string;
  /**
   * How the server learnt of it: a push through its `/git/` route (local or relayed), a
   * webhook, or polling. Absent in events from servers before external stacks.
   */
  readonly via?: 'push' | 'webhook' | 'poll';
}
