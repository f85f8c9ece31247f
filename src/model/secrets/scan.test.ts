import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFindings, redact, scanLine, scanPatch, scanText } from './scan.ts';

// Synthetic keys (not real credentials).
const KEY = 'AKIAZ3MSJV4WWNXKFH7Q';
const SECRET = 'Zx9Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk6Lz9Xc2Vb5N';

const lines: Array<[string, string, string[]]> = [
  ['an access key id', `AccessKey: ${KEY}`, ['aws-access-key-id']],
  ['an STS key id', 'id = ASIAZ3MSJV4WWNXKFH7Q', ['aws-access-key-id']],
  ['the documentation key', 'AKIAIOSFODNN7EXAMPLE', []],
  ['a key inside a longer word', `X${KEY}Y`, []],
  ['a secret access key assignment', `aws_secret_access_key = ${SECRET}`, ['aws-secret-access-key']],
  ['a quoted YAML secret', `  AWS_SECRET_ACCESS_KEY: "${SECRET}"`, ['aws-secret-access-key']],
  ['SecretAccessKey property', `SecretAccessKey: ${SECRET}`, ['aws-secret-access-key']],
  ['the documentation secret', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', []],
  ['a 40-character value not named a secret', `checksum = ${SECRET}`, []],
  ['a secret too long to be a key', `aws_secret_access_key = ${SECRET}AAAA`, []],
  ['both on one line', `${KEY} aws_secret=${SECRET}`, ['aws-access-key-id', 'aws-secret-access-key']],
  ['a plain line', 'Resources: {}', []],
];

describe('scanLine', () => {
  for (const [name, text, rules] of lines) {
    it(`${name}: ${rules.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(scanLine('t.yaml', 1, text).map((f) => f.rule), rules);
    });
  }

  it('gives the column and never the whole secret', () => {
    const [f] = scanLine('t.yaml', 7, `key: ${KEY}`);
    assert.equal(f?.column, 6);
    assert.equal(f?.redacted, 'AKIA************FH7Q');
    assert.equal(redact('short'), '*****');
  });
});

describe('scanText', () => {
  it('names the line', () => {
    const found = scanText('a/template.yaml', `Resources: {}\n# ok\nKey: ${KEY}\n`);
    assert.deepEqual(describeFindings(found), ['a/template.yaml:3:6: aws-access-key-id AKIA************FH7Q']);
  });
});

describe('scanPatch', () => {
  const patch = [
    'commit 0123',
    'diff --git a/template.yaml b/template.yaml',
    'index 1111111..2222222 100644',
    '--- a/template.yaml',
    '+++ b/template.yaml',
    '@@ -3,2 +3,3 @@ Resources:',
    ' context',
    `-removed ${KEY}`,
    '+added',
    `+Key: ${KEY}`,
    '\\ No newline at end of file',
    'diff --git a/old.txt b/old.txt',
    'deleted file mode 100644',
    '--- a/old.txt',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    `-${KEY}`,
    'diff --git a/new file.env b/new file.env',
    'new file mode 100644',
    '--- /dev/null',
    '+++ b/new file.env',
    '@@ -0,0 +1,2 @@',
    '+++ not a header, an added line that starts with ++',
    `+aws_secret_access_key=${SECRET}`,
    '',
  ].join('\n');

  it('reports added lines only, with the new line number', () => {
    assert.deepEqual(describeFindings(scanPatch(patch)), [
      'template.yaml:5:6: aws-access-key-id AKIA************FH7Q',
      'new file.env:2:23: aws-secret-access-key Zx9Q********************************Vb5N',
    ]);
  });
});
