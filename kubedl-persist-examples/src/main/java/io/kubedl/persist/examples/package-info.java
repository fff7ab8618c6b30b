/**
 * Runnable examples of kubedl-persist: the README demo, a controller on fabric8
 * informers, and a second storage plugin (SQLite). Examples, not API: copy them.
 */
package io.kubedl.persist.examples;
