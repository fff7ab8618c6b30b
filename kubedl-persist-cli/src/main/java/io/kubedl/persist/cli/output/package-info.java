/**
 * How rows are printed: aligned text tables (default), JSON (one object per row, the
 * record's field names) and CSV (RFC 4180, the same field names as header). Times are
 * UTC ISO-8601, or in a local zone on request.
 */
package io.kubedl.persist.cli.output;
