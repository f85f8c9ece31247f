// The pre-receive hook program (installed by repo.ts, run by git inside receive-pack with
// the pushed objects in quarantine). Reads `<old> <new> <ref>` lines on stdin, scans the
// lines the pushed commits add, and refuses the whole push naming file and line.
import { describeFindings, scanPatch } from '../../src/model/secrets/scan.ts';
import type { SecretFinding } from '../../src/model/secrets/scan.ts';
import { git } from './run.ts';

const ZERO = /^0+$/;

/** The quarantine and repository variables git gives its hooks; git needs them to see the new objects. */
function hookEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const keep = ['GIT_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_QUARANTINE_PATH'];
  return Object.fromEntries(keep.flatMap((k) => (env[k] === undefined ? [] : [[k, env[k]!]])));
}

/** Findings in the commits an update brings that the repository does not have yet. */
async function scanPush(updates: string, env: NodeJS.ProcessEnv): Promise<SecretFinding[]> {
  const tips = updates
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter((f) => f.length === 3 && /^[0-9a-f]{40,64}$/.test(f[1]!) && !ZERO.test(f[1]!))
    .map((f) => f[1]!);
  if (!tips.length) return [];
  // A merge's own diff is shown against its first parent: `log -p` shows none for a merge by
  // default, and a line written while resolving one (in neither parent) would go unscanned.
  const patch = await git(
    ['log', '-p', '-U0', '--diff-merges=first-parent', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--format=commit %H', ...tips, '--not', '--all'],
    { env: hookEnv(env), timeoutMs: 120_000 },
  );
  return scanPatch(patch);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const findings = await scanPush(await readStdin(), process.env);
if (findings.length) {
  console.error('Cairn refused this push: it adds what look like AWS credentials.');
  for (const line of describeFindings(findings)) console.error(`  ${line}`);
  console.error('Remove them from the commits (rewrite them locally) and push again. Keys ending in EXAMPLE are allowed.');
  process.exitCode = 1;
}
