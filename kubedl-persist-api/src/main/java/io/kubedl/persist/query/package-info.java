/**
 * Queries of jobs and pods (rules Q2, Q4), pages with opaque tokens (Q3).
 */
package io.kubedl.persist.query;
