package io.kubedl.persist.tck;

import java.io.PrintStream;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints why a TCK test was skipped to the console, one line per test: build tools
 * count skipped tests on the console but keep the reason in their XML reports, where
 * nobody reads it, and a skipped rule is a rule the plugin is not certified for.
 */
final class SkipReasonPrinter implements TestWatcher {
    private final PrintStream out;

    SkipReasonPrinter() {
        this(System.out);
    }

    SkipReasonPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        out.println(line(context, String.valueOf(cause.getMessage())));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        out.println(line(context, reason.orElse("disabled")));
    }

    static String line(ExtensionContext context, String reason) {
        String test = context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName());
        return "[kubedl-persist TCK] SKIPPED " + context.getRequiredTestClass().getSimpleName() + "#" + test + ": " + reason;
    }
}
