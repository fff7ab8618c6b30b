/**
 * Configuration of a store from code, flags, env vars and a mounted Secret
 * (rule P2), with passwords kept out of every string (P3).
 */
package io.kubedl.persist.config;
