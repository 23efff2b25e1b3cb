package io.switchboard.gmail.assignments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void dropsScriptsAndStylesDecodesEntitiesAndKeepsLineBreaks() {
        String text = HtmlText.toText("<style>b{}</style><div>Hello&nbsp;<i>Jo</i>,</div><script>x()</script>"
                + "<p>Line one<br/>Line&#32;two &lt;tag&gt;</p><table><tr><td>A</td><td>B</td></tr></table>");

        assertThat(text).isEqualTo("Hello Jo,\nLine one\nLine two <tag>\nA\tB");
    }

    @Test
    void emptyOrBlankHtmlIsEmptyText() {
        assertThat(HtmlText.toText(null)).isEmpty();
        assertThat(HtmlText.toText("<html><body> </body></html>")).isEmpty();
    }
}
