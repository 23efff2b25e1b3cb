package io.switchboard.register.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template text with {@code {{placeholder}}}s: which ones it uses, which of those are unknown, and
 * the text with values substituted. Only the names in {@link #KNOWN} exist; anything else is a typo the
 * author should hear about when saving, not a blank in a client's email.
 */
public final class TemplateText {

    public static final Set<String> KNOWN = Set.of("client.name", "client.email", "client.phone", "staff.name",
            "staff.email", "practice.name", "today");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private TemplateText() {
    }

    /** The placeholder names {@code text} uses, in order of first use. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * What is wrong with the placeholders of {@code text}: unknown names, and a {@code {{} left open;
     * empty when every placeholder can be rendered.
     */
    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        for (String name : placeholders(text)) {
            if (!KNOWN.contains(name)) {
                problems.add("unknown placeholder {{" + name + "}}; known are " + KNOWN.stream().sorted().toList());
            }
        }
        String rest = PLACEHOLDER.matcher(text == null ? "" : text).replaceAll("");
        if (rest.contains("{{")) {
            problems.add("has a {{ without a matching }}");
        }
        return problems;
    }

    /** {@code text} with every placeholder replaced by its value passed through {@code escape}. */
    public static String render(String text, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null && !KNOWN.contains(matcher.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value == null ? "" : value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
