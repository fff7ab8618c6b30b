/**
 * Implementation details. Not API: anything here may change in any release.
 */
package io.kubedl.persist.internal;
