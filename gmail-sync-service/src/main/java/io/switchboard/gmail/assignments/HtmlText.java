package io.switchboard.gmail.assignments;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail body into safe plain text: scripts, styles and other non-content elements are
 * dropped, tags stripped, entities decoded, and line breaks kept where the HTML had them (br, paragraphs,
 * list items, table rows). The result is text only, so nothing in it can run where it is shown.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "tr", "table", "blockquote", "pre", "section", "article", "header", "footer", "address", "hr", "dl", "dt",
            "dd", "form", "fieldset", "center");
    private static final String DROPPED = "script, style, head, title, noscript, template, iframe, object, embed, svg,"
            + " canvas, form input, select, button, meta, link";

    private HtmlText() {
    }

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html);
        document.select(DROPPED).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String value = text.text();
                    if (!value.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                        out.append(value);
                    }
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        newline(out);
                        if (tag.equals("li")) {
                            out.append("- ");
                        }
                    } else if (tag.equals("td") || tag.equals("th")) {
                        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                            out.append('\t');
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(out);
                }
            }
        }, document.body());
        return tidy(out.toString());
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Trims each line, keeps at most one empty line in a row, and drops leading and trailing blank lines. */
    static String tidy(String text) {
        StringBuilder result = new StringBuilder();
        int blank = 0;
        for (String line : text.replace('\u00a0', ' ').split("\n", -1)) {
            String trimmed = line.strip().replaceAll("[ \\t]{2,}", " ");
            if (trimmed.isEmpty()) {
                blank++;
                continue;
            }
            if (!result.isEmpty()) {
                result.append(blank > 0 ? "\n\n" : "\n");
            }
            result.append(trimmed);
            blank = 0;
        }
        return result.toString();
    }
}
