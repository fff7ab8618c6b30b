/**
 * Adoption of a database that KubeDL's Go controller filled: {@link io.kubedl.persist.mysql.adopt.KubedlAdoption}
 * detects both KubeDL schema generations, reports in a dry run what it found and will
 * do, then renames KubeDL's tables to backups, creates kubedl-persist's tables and
 * copies every identity at its newest resourceVersion, converting KubeDL's local
 * times from the zone the operator states. An operator's deliberate step (the ops
 * CLI's {@code adopt}), never a side effect of a controller's start. See
 * docs/migrating-from-kubedl.md.
 */
package io.kubedl.persist.mysql.adopt;
