package io.kubedl.persist.mysql;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.tck.MetaStoreTck;
import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/**
 * Certifies the MySQL provider against the whole TCK, on a fresh database of the
 * shared test server (embedded MariaDB by default, see docs/testing-databases.md).
 * Rows are deleted between tests instead of reopening the pool.
 */
class MySqlTckTest extends MetaStoreTck {
    private static final String SECRET = "tck-mysql-secret-7c1e";
    private final TestDatabase db = TestServers.shared().createDatabase("tck");
    // a user of its own, so that the P3 test looks for a real password the provider must use
    private final String user = db.createUser(SECRET, "ALL PRIVILEGES");

    @Override
    protected MetaStore openStore() {
        return MySqlTestStores.open(db, b -> b.user(user).password(SECRET));
    }

    @Override
    protected Optional<MetaStore> openStoreThatFails() {
        // the right password for a user the server does not know: the driver's "Access denied" must not carry it
        return Optional.of(MySqlTestStores.open(db, b -> b.user("tck_no_such_user").password(SECRET)));
    }

    @Override
    protected void cleanStore(MetaStore store) throws Exception {
        MySqlTestStores.empty(db);
    }

    @Override
    protected Optional<String> secret() {
        return Optional.of(SECRET);
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }
}
