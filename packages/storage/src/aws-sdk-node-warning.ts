/**
 * The pinned AWS SDK (3.1163.0) warns once per process, on the first client it builds, that
 * versions published after early 2027 will need Node 22. We run Node 20 on purpose and pin the
 * SDK for it (docs/decisions/0008-object-storage.md), so the warning is noise in every server log
 * and test run. AWS documents one switch for it, an environment variable
 * (aws/aws-sdk-js-v3#7983); we set it only while our client is built and put it back after, so
 * that nothing else in the process — and no child process — sees a changed environment. The SDK
 * remembers after that first client that it has dealt with the warning.
 */
const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

export function withoutNodeVersionWarning<T>(build: () => T): T {
  const before = process.env[SWITCH];
  process.env[SWITCH] = 'true';
  try {
    return build();
  } finally {
    if (before === undefined) delete process.env[SWITCH];
    else process.env[SWITCH] = before;
  }
}
