package io.switchboard.register.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class TemplateTextTest {

    @Test
    void findsPlaceholdersWithOrWithoutSpaces() {
        assertThat(TemplateText.placeholders("Hi {{client.name}}, from {{ staff.name }} at {{practice.name}} {{client.name}}"))
                .containsExactly("client.name", "staff.name", "practice.name");
    }

    @Test
    void namesUnknownPlaceholders() {
        assertThat(TemplateText.problems("Dear {{client.nmae}}, {{today}}"))
                .singleElement().asString().startsWith("unknown placeholder {{client.nmae}}");
        assertThat(TemplateText.problems("Dear {{client.name}}")).isEmpty();
    }

    @Test
    void refusesAPlaceholderLeftOpen() {
        assertThat(TemplateText.problems("Dear {{client.name")).containsExactly("has a {{ without a matching }}");
    }

    @Test
    void rendersValuesEscapedAsAsked() {
        Map<String, String> values = Map.of("client.name", "Tom & <Jerry>");

        assertThat(TemplateText.render("<p>{{client.name}}</p>", values, HtmlUtils::htmlEscape))
                .isEqualTo("<p>Tom &amp; &lt;Jerry&gt;</p>");
        assertThat(TemplateText.render("For {{ client.name }}", values, UnaryOperator.identity()))
                .isEqualTo("For Tom & <Jerry>");
    }

    @Test
    void rendersAKnownPlaceholderWithoutValueEmptyAndKeepsDollarSigns() {
        assertThat(TemplateText.render("{{practice.name}}|{{client.name}}", Map.of("client.name", "$1 Shop"),
                UnaryOperator.identity())).isEqualTo("|$1 Shop");
    }
}
