package io.kubedl.persist.tck;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Makes every TCK failure message start with a rule id and its hint, including
 * failures the TCK's assertions did not phrase: an assertion without a rule in its
 * description, or an exception the store under test
 * threw (a NullPointerException, an SQLException wrapped in a PersistException, ...)
 * is reported as a failure of the rule named by the test method, with the original
 * exception as the cause. Skips (assumptions) pass through untouched.
 */
final class RuleIdOnFailure implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof TestAbortedException) {
            throw thrown;
        }
        Optional<ContractRule> rule = context.getTestMethod().flatMap(m -> ruleOf(m.getName()));
        String message = String.valueOf(thrown.getMessage());
        if (rule.isEmpty() || mentionsARule(message)) {
            throw thrown;
        }
        String test = context.getRequiredTestMethod().getName();
        if (thrown instanceof AssertionError) {
            throw new AssertionError(rule.get().says(test + ": " + message.strip()), thrown);
        }
        throw new AssertionError(rule.get().says(test + " failed because the store threw " + thrown), thrown);
    }

    /** @return the first rule id among the underscore-separated words of a TCK test name */
    static Optional<ContractRule> ruleOf(String testName) {
        return Arrays.stream(testName.split("_"))
                .flatMap(word -> Arrays.stream(ContractRule.values()).filter(r -> r.id().equals(word)))
                .findFirst();
    }

    private static boolean mentionsARule(String message) {
        return Arrays.stream(ContractRule.values()).anyMatch(r -> message.contains(r.id() + ":"));
    }
}
