// isomorphic-git uses Node's `Buffer` as a global. The worker imports this module first, so
// the polyfill is installed before isomorphic-git runs. A module rather than webpack's
// ProvidePlugin: ProvidePlugin would also inject `buffer` into main-bundle modules that
// mention `Buffer` (yaml does), growing the first download.
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
