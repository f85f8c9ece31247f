import { readFile } from 'node:fs/promises';
import { writeJsonFile } from '../stacks/metadata.ts';

/** What is kept for one external stack; none of it is ever sent to a client or logged. */
export interface RemoteSecrets {
  readonly token?: string;
  readonly username?: string;
  readonly webhookSecret?: string;
}

interface SecretFile {
  readonly version: 1;
  readonly stacks: Readonly<Record<string, RemoteSecrets>>;
}

/**
 * `<data>/secrets.json` (mode 0600, replaced atomically): the tokens and webhook secrets of
 * external stacks, by stack name. Kept apart from stacks.json so that the metadata can be
 * shown, copied or backed up without them. Callers serialise changes (StackService.exclusive).
 */
export class SecretStore {
  private constructor(
    private readonly file: string,
    private stacks: Record<string, RemoteSecrets>,
  ) {}

  static async open(file: string): Promise<SecretStore> {
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text === null) return new SecretStore(file, {});
    const value = JSON.parse(text) as Partial<SecretFile>;
    if (value.version !== 1 || typeof value.stacks !== 'object' || value.stacks === null) throw new Error(`${file}: not a Cairn secrets file (version 1)`);
    return new SecretStore(file, { ...value.stacks });
  }

  get(name: string): RemoteSecrets {
    return Object.hasOwn(this.stacks, name) ? this.stacks[name]! : {};
  }

  /** Replaces a stack's secrets (an empty object removes the entry). */
  async set(name: string, secrets: RemoteSecrets): Promise<void> {
    const next = { ...this.stacks };
    const clean = Object.fromEntries(Object.entries(secrets).filter(([, v]) => typeof v === 'string')) as RemoteSecrets;
    if (Object.keys(clean).length === 0) delete next[name];
    else next[name] = clean;
    await this.write(next);
  }

  async rename(from: string, to: string): Promise<void> {
    if (!Object.hasOwn(this.stacks, from)) return;
    const next = { ...this.stacks, [to]: this.stacks[from]! };
    delete next[from];
    await this.write(next);
  }

  async remove(name: string): Promise<void> {
    if (!Object.hasOwn(this.stacks, name)) return;
    const next = { ...this.stacks };
    delete next[name];
    await this.write(next);
  }

  private async write(stacks: Record<string, RemoteSecrets>): Promise<void> {
    await writeJsonFile(this.file, { version: 1, stacks } satisfies SecretFile);
    this.stacks = stacks;
  }
}
