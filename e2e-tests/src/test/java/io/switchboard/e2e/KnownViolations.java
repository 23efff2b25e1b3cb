package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The violations the isolation matrix and the hostile-input suite have found and the services have not
 * fixed yet, by case name, each with the reason it is wrong. A listed case must still fail: when a fix
 * makes it pass, its test fails until the entry is removed. Everything else must pass. Every case's
 * violations, listed or not, are printed as one list at the end of each suite.
 */
final class KnownViolations {

    static final String MATRIX = "isolation matrix";
    static final String HOSTILE = "hostile input";

    /** One known violation: the suite, the case (its dynamic test's display name) and why it is wrong. */
    record Known(String suite, String caseName, String reason) {
    }

    static final List<Known> KNOWN = List.of();

    private static final Map<String, String> LIST = KNOWN.stream()
            .collect(Collectors.toMap(k -> k.suite() + "|" + k.caseName(), Known::reason));

    private static final Map<String, Map<String, List<String>>> FOUND = new ConcurrentHashMap<>();

    private KnownViolations() {
    }

    /** Records the case's violations and passes or fails it against the list. */
    static void settle(String suite, String caseName, List<String> violations) {
        FOUND.computeIfAbsent(suite, s -> new ConcurrentHashMap<>()).put(caseName, List.copyOf(violations));
        String known = LIST.get(suite + "|" + caseName);
        if (violations.isEmpty() && known != null) {
            fail("Listed in KnownViolations (" + known + ") but no longer violated: remove the entry.");
        }
        if (!violations.isEmpty() && known == null) {
            fail(String.join("\n", violations));
        }
    }

    /** Prints every violation of the suite as one list; fails with the ones not listed. */
    static void summarise(String suite, Set<String> caseNames) {
        Map<String, List<String>> found = new TreeMap<>(FOUND.getOrDefault(suite, Map.of()));
        List<String> unexpected = new ArrayList<>();
        StringBuilder report = new StringBuilder("[" + suite + "] violations:\n");
        found.forEach((name, violations) -> {
            if (!violations.isEmpty()) {
                String known = LIST.get(suite + "|" + name);
                report.append(known != null ? "  KNOWN " : "  NEW   ").append(name).append('\n');
                violations.forEach(v -> report.append("        ").append(v.replace("\n", "\n        ")).append('\n'));
                if (known == null) {
                    unexpected.add(name);
                }
            }
        });
        System.out.println(report);
        List<String> stale = KNOWN.stream().filter(k -> k.suite().equals(suite) && !caseNames.contains(k.caseName()))
                .map(Known::caseName).sorted().toList();
        if (!unexpected.isEmpty() || !stale.isEmpty()) {
            fail("Unexpected violations:\n  " + String.join("\n  ", unexpected)
                    + (stale.isEmpty() ? "" : "\nKnownViolations entries that match no case (remove them):\n  "
                    + String.join("\n  ", stale)));
        }
    }
}
