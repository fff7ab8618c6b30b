/**
 * Reliability and security tests of kubedl-persist against a real server (issue 8):
 * outages, killed connections, injected failure points, races, bad input and secrets.
 * Each sub-package holds one concern; docs/reliability.md lists every test, what it
 * injects and the figures of the last run.
 */
package io.kubedl.persist.reliability;
