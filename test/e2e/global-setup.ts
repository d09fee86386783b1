import { browserRequired, browserUnavailableReason, ensureWebBuild } from './harness.ts';

// Once per run, before the browser suites: fail early when CI requires a browser that is missing,
// and build the web UI once rather than in each test file.
export default async function setup(): Promise<void> {
  const reason = browserUnavailableReason();
  if (reason) {
    if (browserRequired()) throw new Error(`REQUIRE_BROWSER=1 but the browser suites cannot run: ${reason}.`);
    return;
  }
  await ensureWebBuild();
}
