/**
 * The Technology Compatibility Kit of kubedl-persist: the persistence contract as
 * JUnit 5 tests. A storage plugin is certified by ONE test class that extends
 * {@link io.kubedl.persist.tck.MetaStoreTck} and says how to open a store.
 *
 * <p>Test names carry the severity and the rule id ({@code required_W4_...},
 * {@code optional_D4_...}); failure messages start with the rule id and end with a
 * hint of what to check. {@link io.kubedl.persist.tck.ContractRule} lists every rule
 * with its hint; {@link io.kubedl.persist.tck.TckRecords} makes realistic records
 * that plugin authors may reuse in their own tests.
 */
package io.kubedl.persist.tck;
