package io.switchboard.register.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Email template request bodies. */
public final class TemplateMother {

    private TemplateMother() {
    }

    public static Map<String, Object> template(String name, String subject, String body) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        template.put("subject", subject);
        template.put("body", body);
        template.put("attachments", List.of(Map.of("name", "Checklist.pdf", "url", "https://docs.example/checklist.pdf")));
        return template;
    }

    public static Map<String, Object> documentsNeeded() {
        return template("Documents needed", "Documents for {{client.name}}",
                "<p>Dear {{ client.name }},</p><p>Regards, {{staff.name}} – {{practice.name}}, {{today}}</p>");
    }
}
