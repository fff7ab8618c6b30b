package io.kubedl.persist.mysql;

import com.zaxxer.hikari.HikariConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom a HikariCP configuration connects, captured before a pool
 * customizer runs, to refuse a customizer that changes it (the provider hands the
 * credentials to the driver's own DataSource, never to HikariCP, rule P3).
 */
record ConnectionTarget(Object dataSource, String dataSourceClassName, String jdbcUrl, String driverClassName,
        String username, String password, Properties dataSourceProperties) {

    static ConnectionTarget of(HikariConfig pool) {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        return new ConnectionTarget(pool.getDataSource(), pool.getDataSourceClassName(), pool.getJdbcUrl(),
                pool.getDriverClassName(), pool.getUsername(), pool.getPassword(), properties);
    }

    /** @return the names of what differs in the pool's configuration now; never a value */
    List<String> changedIn(HikariConfig pool) {
        ConnectionTarget now = of(pool);
        List<String> changed = new ArrayList<>();
        if (now.dataSource != dataSource) {
            changed.add("dataSource");
        }
        compare(changed, "dataSourceClassName", dataSourceClassName, now.dataSourceClassName);
        compare(changed, "jdbcUrl", jdbcUrl, now.jdbcUrl);
        compare(changed, "driverClassName", driverClassName, now.driverClassName);
        compare(changed, "username", username, now.username);
        compare(changed, "password", password, now.password);
        compare(changed, "dataSourceProperties", dataSourceProperties, now.dataSourceProperties);
        return changed;
    }

    private static void compare(List<String> changed, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(name);
        }
    }

    @Override
    public String toString() {
        return "ConnectionTarget[values hidden]";
    }
}
