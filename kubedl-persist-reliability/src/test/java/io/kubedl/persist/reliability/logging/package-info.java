/**
 * Captures every log event of the test JVM at DEBUG (logback, configured in
 * logback-test.xml) so that tests can assert what was logged and, above all, that no
 * configured password ever reached a log line (rule P3).
 */
package io.kubedl.persist.reliability.logging;
