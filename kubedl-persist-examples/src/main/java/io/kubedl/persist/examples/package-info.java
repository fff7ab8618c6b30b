/**
 * Runnable examples of kubedl-persist: the README demo and a second storage plugin
 * (SQLite); the controller on fabric8 informers is the module
 * kubedl-persist-example-controller. Examples, not API: copy them.
 */
package io.kubedl.persist.examples;
