/**
 * Secrets and privileges (rule P3, issue 8 items 6 and 7): no password in any log
 * line, toString or exception of a whole run; TLS modes reach the driver and a
 * required TLS connection to a server without TLS fails clearly; the provider works
 * in validate mode with a user that may only read and write rows.
 */
package io.kubedl.persist.reliability.secrets;
