package io.kubedl.persist.mysql;

import io.kubedl.persist.testkit.TestDatabase;
import io.kubedl.persist.testkit.TestServers;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own fresh database on the JVM's shared test server
 * ({@link TestServers#shared()}), dropped after the class. Test methods, constructors
 * and lifecycle methods receive it as a {@link TestDatabase} parameter.
 *
 * <pre>{@code
 * @ExtendWith(FreshDatabaseExtension.class)
 * class MyTest {
 *     @Test void t(TestDatabase db) { try (MetaStore s = MySqlTestStores.open(db)) { ... } }
 * }
 * }</pre>
 */
public final class FreshDatabaseExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FreshDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase db = context.getStore(NAMESPACE).remove("db", TestDatabase.class);
        if (db != null) {
            db.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        String prefix = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("db",
                k -> TestServers.shared().createDatabase(prefix.length() > 30 ? prefix.substring(0, 30) : prefix),
                TestDatabase.class);
    }
}
