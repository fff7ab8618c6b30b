package io.kubedl.persist.mysql;

import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.testkit.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life cycle the rule tests share: one fresh database and one open store per class,
 * emptied before each test.
 */
@ExtendWith(FreshDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreOnFreshDatabaseTest {
    TestDatabase db;
    MetaStore store;

    /** @param database the class's fresh database @return the store under test */
    MetaStore openStore(TestDatabase database) {
        return MySqlTestStores.open(database);
    }

    @BeforeAll
    void open(TestDatabase database) {
        db = database;
        store = openStore(database);
    }

    @AfterAll
    void close() {
        store.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        MySqlTestStores.empty(db);
    }
}
