// The cross-engine checks (checks.mjs) in Firefox ESR, driven by puppeteer-core over WebDriver BiDi.
// Run: node --test tests/engines/*.test.mjs (PR_DIST=<built site>, default dist/); setup: scripts/setup-engines.sh.
import { defineChecks } from './checks.mjs';

defineChecks('firefox');
