package io.kubedl.persist.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The only class that touches Micrometer, loaded only when a registry is given, so the
 * provider runs without micrometer-core on the class path.
 */
final class PoolMetrics {
    private PoolMetrics() {
    }

    static void sendTo(HikariConfig pool, MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }
}
