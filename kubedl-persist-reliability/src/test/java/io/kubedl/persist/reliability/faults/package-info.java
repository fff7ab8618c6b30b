/**
 * Faults around a real server: the server stopped and restarted mid-stream, pool
 * connections killed during batches, and the conversation broken at connect, before
 * commit and after commit (an ambiguous commit) by a TCP proxy. After each, the
 * store MUST hold exactly the final state of the generated model: nothing lost,
 * regressed or doubled, because every replay is guarded by the resourceVersion.
 */
package io.kubedl.persist.reliability.faults;
