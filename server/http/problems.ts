/**
 * Every error the HTTP layer answers, with a stable code. Clients match on `code`, never on
 * `message`; the body on the wire is `{ code, message }`.
 */
export type ProblemCode =
  | 'HOST_NOT_ALLOWED'
  | 'ORIGIN_NOT_ALLOWED'
  | 'CROSS_SITE_REQUEST'
  | 'CSRF_TOKEN_INVALID'
  | 'BAD_REQUEST_TARGET'
  | 'BAD_PATH'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'SAMPLE_NAME_INVALID'
  | 'SAMPLES_MANIFEST_INVALID'
  | 'NOT_BUILT'
  | 'STACK_NAME_INVALID'
  | 'STACK_NOT_FOUND'
  | 'STACK_EXISTS'
  | 'TEMPLATE_PATH_INVALID'
  | 'STARTER_NOT_FOUND'
  | 'IMPORT_SOURCE_INVALID'
  | 'IMPORT_FAILED'
  | 'BAD_JSON'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'GIT_SERVICE_INVALID'
  | 'GIT_FAILED'
  | 'REMOTE_INVALID'
  | 'REMOTE_URL_INVALID'
  | 'REMOTE_URL_CREDENTIALS'
  | 'REMOTE_UNREACHABLE'
  | 'REMOTE_AUTH_FAILED'
  | 'REMOTE_NOT_GIT'
  | 'STACK_NOT_EXTERNAL'
  | 'STACK_IS_EXTERNAL'
  | 'WEBHOOK_NOT_CONFIGURED'
  | 'WEBHOOK_UNAUTHORIZED'
  | 'INTERNAL';

export interface Problem {
  readonly status: number;
  readonly code: ProblemCode;
  readonly message: string;
}

export function problem(status: number, code: ProblemCode, message: string): Problem {
  return { status, code, message };
}

export const notFound = (): Problem => problem(404, 'NOT_FOUND', 'Nothing here.');
