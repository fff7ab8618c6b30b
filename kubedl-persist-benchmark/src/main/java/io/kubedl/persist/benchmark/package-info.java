/**
 * The write and query benchmark of kubedl-persist (not published): a seeded, realistic
 * stream of watch events replayed through six write paths side by side, and the
 * query-scaling measurements. Entry point: {@link io.kubedl.persist.benchmark.BenchmarkMain};
 * method and figures in docs/benchmarks.md.
 */
package io.kubedl.persist.benchmark;
