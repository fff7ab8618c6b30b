/**
 * What the MySQL provider knows about the tables it finds: {@link
 * io.kubedl.persist.mysql.schema.TableGeneration} tells kubedl-persist's tables from
 * KubeDL's. Pure values, depending on nothing of the provider, so that both the engine
 * ({@code mysql.internal}) and the adoption of KubeDL's tables ({@code mysql.adopt}) use
 * them without a package cycle.
 */
package io.kubedl.persist.mysql.schema;
