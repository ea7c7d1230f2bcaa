// The cross-engine checks (checks.mjs) in WebKitGTK (Safari's engine): MiniBrowser under Xvfb, driven by webdriverio through WebKitWebDriver.
// Run: node --test tests/engines/*.test.mjs (PR_DIST=<built site>, default dist/); setup: scripts/setup-engines.sh.
import { defineChecks } from './checks.mjs';

defineChecks('webkit');
