package io.kubedl.persist.cli;

import java.util.Locale;

/** A flag that takes {@code true} or {@code false} (also yes/no), or is absent. */
final class BooleanArgument {
    private BooleanArgument() {
    }

    static Boolean parse(String flag, String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw new UsageException(flag + " must be true or false, was '" + text + "'");
        };
    }
}
