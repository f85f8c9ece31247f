import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem } from '../http/problems.ts';
import { sendProblem } from '../http/respond.ts';
import type { StackService } from '../stacks/service.ts';
import { runHttpBackend } from './backend.ts';
import type { GitService } from './backend.ts';
import { relayGit } from '../remotes/relay.ts';
import { checkStackName } from './names.ts';

export const GIT_PREFIX = '/git/';

/**
 * `/git/<stack>.git/info/refs?service=...`, `.../git-upload-pack`, `.../git-receive-pack`:
 * the smart protocol only (no dumb-HTTP file serving). `path` is the raw, undecoded path, so
 * `%2e%2e`, `%2f` and the like never match a name.
 */
const GIT_ROUTE = /^\/git\/([^/]+)\.git\/(info\/refs|git-upload-pack|git-receive-pack)$/;
const SERVICES: readonly GitService[] = ['git-upload-pack', 'git-receive-pack'];

export async function handleGit(req: IncomingMessage, res: ServerResponse, path: string, query: string, stacks: StackService, maxBody: number | undefined, log: (line: string) => void): Promise<void> {
  const method = req.method ?? 'GET';
  const m = GIT_ROUTE.exec(path);
  if (!m) return sendProblem(res, method, problem(404, 'NOT_FOUND', 'Not a smart-HTTP git route: /git/<stack>.git/info/refs, git-upload-pack or git-receive-pack.'));
  const [, name, action] = m as unknown as [string, string, string];
  const invalid = checkStackName(name);
  if (invalid) return sendProblem(res, method, invalid);
  const remote = stacks.remoteOf(name);
  const repoDir = remote ? null : await stacks.repoDirOf(name);
  if (!remote && !repoDir) return sendProblem(res, method, problem(404, 'STACK_NOT_FOUND', `There is no stack named '${name}'.`));

  let service: GitService;
  if (action === 'info/refs') {
    if (method !== 'GET' && method !== 'HEAD') return sendProblem(res, method, problem(405, 'METHOD_NOT_ALLOWED', 'info/refs is GET only.'), { Allow: 'GET, HEAD' });
    const asked = new URLSearchParams(query).get('service');
    if (!SERVICES.includes(asked as GitService)) return sendProblem(res, method, problem(403, 'GIT_SERVICE_INVALID', 'Only the smart protocol is served: ?service=git-upload-pack or git-receive-pack.'));
    service = asked as GitService;
  } else {
    service = action as GitService;
    if (method !== 'POST') return sendProblem(res, method, problem(405, 'METHOD_NOT_ALLOWED', `${action} is POST only.`), { Allow: 'POST' });
    // a form or text/plain POST from a web page cannot carry this type without a CORS preflight
    if (req.headers['content-type'] !== `application/x-${service}-request`) {
      return sendProblem(res, method, problem(415, 'UNSUPPORTED_MEDIA_TYPE', `${service} takes application/x-${service}-request.`));
    }
  }
  const receiving = service === 'git-receive-pack' && action === 'git-receive-pack';
  if (receiving) await stacks.beforeReceive(name);
  if (remote) {
    // an external stack: Node relays to the remote with the stack's token (no git runs here)
    const status = await relayGit(req, res, { url: remote.url, secrets: remote.secrets, action, service, ...(maxBody !== undefined ? { maxBody } : {}) });
    if (receiving && status !== null && status >= 200 && status < 300) {
      await stacks.afterReceive(name).catch((e: Error) => log(`cairn: announcing a push to ${name} failed: ${e.message}`));
    }
    return;
  }
  const code = await runHttpBackend(req, res, { repoDir: repoDir!, action, query, service, log, ...(maxBody !== undefined ? { maxBody } : {}) });
  if (receiving && code === 0) {
    await stacks.afterReceive(name).catch((e: Error) => log(`cairn: announcing a push to ${name} failed: ${e.message}`));
  }
}
