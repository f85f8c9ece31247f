// Secret scanning, shared by the server's pre-receive hook and (later) the browser's commit
// check. Pure: text in, findings out. Rules follow gitleaks' `aws-access-token` and its
// `...EXAMPLE` allowance (AWS documentation's sample keys end that way).

export type SecretRule = 'aws-access-key-id' | 'aws-secret-access-key';

export interface SecretFinding {
  readonly rule: SecretRule;
  readonly file: string;
  /** 1-based line in the file's new version */
  readonly line: number;
  /** 1-based column of the secret */
  readonly column: number;
  /** the secret with its middle hidden, safe to print */
  readonly redacted: string;
}

const ACCESS_KEY_ID = /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/g;
/** A 40-character value assigned to something named like an AWS secret access key. */
const SECRET_ACCESS_KEY = /(?:aws.{0,20}?secret|secret_?access_?key).{0,20}?[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi;

const RULES: ReadonlyArray<{ readonly rule: SecretRule; readonly pattern: RegExp; readonly allowed: (secret: string) => boolean }> = [
  { rule: 'aws-access-key-id', pattern: ACCESS_KEY_ID, allowed: (s) => s.endsWith('EXAMPLE') },
  { rule: 'aws-secret-access-key', pattern: SECRET_ACCESS_KEY, allowed: (s) => s.includes('EXAMPLE') },
];

/** Lines longer than this are minified or data; scanning them is slow and rarely useful. */
const MAX_LINE = 10_000;

export function redact(secret: string): string {
  return secret.length <= 8 ? '*'.repeat(secret.length) : `${secret.slice(0, 4)}${'*'.repeat(secret.length - 8)}${secret.slice(-4)}`;
}

/** Findings on one line of text. */
export function scanLine(file: string, line: number, text: string): SecretFinding[] {
  if (text.length > MAX_LINE) text = text.slice(0, MAX_LINE);
  const found: SecretFinding[] = [];
  for (const { rule, pattern, allowed } of RULES) {
    for (const m of text.matchAll(pattern)) {
      const secret = m[1]!;
      if (allowed(secret)) continue;
      const column = (m.index ?? 0) + m[0].lastIndexOf(secret) + 1;
      found.push({ rule, file, line, column, redacted: redact(secret) });
    }
  }
  return found;
}

/** Findings in a whole file (a staged file in the browser). */
export function scanText(file: string, text: string): SecretFinding[] {
  return text.split(/\r?\n/).flatMap((t, i) => scanLine(file, i + 1, t));
}

/**
 * Findings on the added lines of a unified diff (`git log -p` / `git diff` output, any
 * context size). Removed and context lines are not looked at: deleting a secret is fine.
 */
export function scanPatch(patch: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  let file: string | null = null;
  let line = 0;
  let inHunk = false;
  for (const text of patch.split('\n')) {
    if (text.startsWith('diff --git ')) {
      inHunk = false;
      file = null;
    } else if (!inHunk && text.startsWith('+++ ')) {
      const target = text.slice(4).replace(/\t.*$/, '');
      file = target === '/dev/null' ? null : target.replace(/^b\//, '');
    } else if (text.startsWith('@@')) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
      inHunk = m !== null;
      line = m ? Number(m[1]) : 0;
    } else if (inHunk && file !== null) {
      if (text.startsWith('+')) {
        found.push(...scanLine(file, line, text.slice(1)));
        line++;
      } else if (text.startsWith(' ')) {
        line++;
      } else if (!text.startsWith('-') && !text.startsWith('\\')) {
        inHunk = false;
      }
    }
  }
  return found;
}

/** `path:line: rule secret` lines, for a rejected push or a blocked commit. */
export function describeFindings(findings: readonly SecretFinding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.rule} ${f.redacted}`);
}
