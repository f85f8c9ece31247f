import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkStackName } from '../git/names.ts';
import { problem } from '../http/problems.ts';
import { sendJson, sendProblem } from '../http/respond.ts';
import { writeJsonFile } from '../stacks/metadata.ts';
import type { StackService } from '../stacks/service.ts';

export const WEBHOOKS_ROUTE = '/api/webhooks/';
/** Webhook bodies larger than this get 413 (GitHub caps its payloads at 25 MB; a push event is small). */
export const MAX_WEBHOOK_BODY = 1024 * 1024;
/** Delivery ids remembered to ignore replays (oldest forgotten first). */
export const MAX_DELIVERIES = 10_000;

/**
 * GitHub's `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw body with the
 * webhook secret, compared in constant time (equal-length buffers for timingSafeEqual).
 */
export function verifyGitHubSignature(secret: string, body: Buffer, header: string): boolean {
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(m[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GitLab's `X-Gitlab-Token`: the secret itself. Both sides are hashed first so that the
 * comparison is constant-time without revealing the secret's length.
 */
export function verifyGitLabToken(secret: string, header: string): boolean {
  const a = createHmac('sha256', 'cairn-webhook').update(header, 'utf8').digest();
  const b = createHmac('sha256', 'cairn-webhook').update(secret, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** How long after a new delivery its id is written to disk (deliveries coming in bursts share a write). */
const SAVE_DELAY_MS = 500;

/**
 * The delivery ids seen lately, per stack, bounded (insertion order: the oldest go first).
 * With a file (`DIR/webhook-deliveries.json`, mode 0600) they survive a restart: loaded at
 * start, written shortly after each new delivery and on close. A file that cannot be read
 * is logged and started afresh (a replay then costs one ls-remote, never a wrong answer).
 */
export class DeliveryLog {
  private readonly seen = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly max = MAX_DELIVERIES,
    private readonly file: string | null = null,
    private readonly log: (line: string) => void = () => {},
  ) {}

  static async open(file: string, log: (line: string) => void, max = MAX_DELIVERIES): Promise<DeliveryLog> {
    const d = new DeliveryLog(max, file, log);
    try {
      const value = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown; deliveries?: unknown };
      if (value.version !== 1 || !Array.isArray(value.deliveries)) throw new Error('not a version 1 deliveries file');
      for (const pair of value.deliveries.slice(-max)) {
        if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') d.seen.add(`${pair[0]}\0${pair[1]}`);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`cairn: ${file} unreadable, starting afresh: ${(e as Error).message}`);
    }
    return d;
  }

  /** True the first time (stack, id) is offered, false for a replay. */
  offer(stack: string, id: string): boolean {
    const key = `${stack}\0${id}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.max) this.seen.delete(this.seen.values().next().value!);
    if (this.file && !this.timer) {
      this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
      this.timer.unref();
    }
    return true;
  }

  /** Writes the ids now if a write is pending (called on close). */
  flush(): Promise<void> {
    if (!this.timer || !this.file) return this.saving;
    clearTimeout(this.timer);
    this.timer = null;
    const file = this.file;
    const deliveries = [...this.seen].map((k) => k.split('\0'));
    this.saving = this.saving
      .then(() => writeJsonFile(file, { version: 1, deliveries }))
      .catch((e: Error) => this.log(`cairn: cannot write ${file}: ${e.message}`));
    return this.saving;
  }
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * `POST /api/webhooks/<stack>`: a GitHub or GitLab push (or any) event for an external
 * stack. Authenticated by the stack's webhook secret only (no CSRF token: the guard lets
 * this route through like /git/, Host and any Origin still checked). A verified new delivery
 * is answered 202 at once; the remote's refs are then listed and changes announced in the
 * background. Nothing about the request's content is trusted beyond "something changed".
 */
export async function handleWebhook(req: IncomingMessage, res: ServerResponse, path: string, stacks: StackService, deliveries: DeliveryLog, log: (line: string) => void): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'POST') return sendProblem(res, method, problem(405, 'METHOD_NOT_ALLOWED', 'Webhooks are POST only.'), { Allow: 'POST' });
  const name = path.slice(WEBHOOKS_ROUTE.length);
  const secret = checkStackName(name) ? null : stacks.webhookSecretOf(name);
  if (secret === null) {
    req.resume();
    return sendProblem(res, method, problem(404, 'WEBHOOK_NOT_CONFIGURED', 'No external stack with a webhook secret has this name (set one with PATCH /api/stacks/<name> { webhookSecret }).'));
  }
  const tooLarge = () => {
    res.setHeader('Connection', 'close');
    sendProblem(res, method, problem(413, 'BODY_TOO_LARGE', `Webhook bodies are limited to ${MAX_WEBHOOK_BODY} bytes.`));
  };
  const declared = header(req, 'content-length');
  if (declared !== undefined && !(Number(declared) <= MAX_WEBHOOK_BODY)) return tooLarge();
  const body = await readBody(req, MAX_WEBHOOK_BODY);
  if (body === null) return tooLarge();

  const signature = header(req, 'x-hub-signature-256');
  const gitlabToken = header(req, 'x-gitlab-token');
  const github = signature !== undefined;
  const verified = github ? verifyGitHubSignature(secret, body, signature) : gitlabToken !== undefined && verifyGitLabToken(secret, gitlabToken);
  if (!verified) {
    return sendProblem(res, method, problem(401, 'WEBHOOK_UNAUTHORIZED', 'The webhook must carry a valid X-Hub-Signature-256 (GitHub) or X-Gitlab-Token (GitLab).'));
  }
  // GitLab: Idempotency-Key stays the same across retries of one delivery; X-Gitlab-Event-UUID
  // names the event. X-Gitlab-Webhook-UUID names the webhook itself, the same for every
  // delivery, so it cannot tell replays apart.
  const delivery = github ? header(req, 'x-github-delivery') : (header(req, 'idempotency-key') ?? header(req, 'x-gitlab-event-uuid'));
  if (delivery !== undefined && delivery.length <= 200 && !deliveries.offer(name, delivery)) {
    return sendJson(res, method, 200, { ignored: 'replay' });
  }
  if (github && header(req, 'x-github-event') === 'ping') return sendJson(res, method, 200, { ok: true, event: 'ping' });
  sendJson(res, method, 202, { accepted: true });
  setImmediate(() => {
    stacks.refreshRemote(name, 'webhook').then(
      (r) => {
        if (!r.ok) log(`cairn: webhook for ${name}: listing the remote's refs failed: ${r.problem.code}: ${r.problem.message}`);
      },
      (e: Error) => log(`cairn: webhook for ${name} failed: ${e.message}`),
    );
  });
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        if (size > 4 * max) req.socket.destroy();
      } else if (!over) chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
