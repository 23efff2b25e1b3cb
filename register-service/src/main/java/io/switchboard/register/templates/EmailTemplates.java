package io.switchboard.register.templates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import io.switchboard.platform.security.Tenant;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.InvalidRequestException;
import io.switchboard.platform.web.NotFoundException;
import io.switchboard.platform.web.ProblemDetailsAdvice.FieldProblem;
import io.switchboard.register.clients.ClientSummary;
import io.switchboard.register.clients.Clients;
import io.switchboard.register.correspondence.AttachmentLink;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The practice's email templates: kept with known placeholders only, rendered for a client. */
@Service
public class EmailTemplates {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<AttachmentLink>> ATTACHMENTS = new TypeReference<>() {
    };
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Token claims with the names people see; the register holds no directory of its own. */
    static final String NAME_CLAIM = "name";
    static final String PRACTICE_NAME_CLAIM = "practice_name";

    private final TenantJdbc jdbc;
    private final Clients clients;

    EmailTemplates(TenantJdbc jdbc, Clients clients) {
        this.jdbc = jdbc;
        this.clients = clients;
    }

    @Transactional(readOnly = true)
    public List<EmailTemplate> list() {
        return jdbc.sql("select * from email_template where practice_id = :practiceId order by name, id")
                .query((rs, n) -> template(rs)).list();
    }

    @Transactional(readOnly = true)
    public EmailTemplate get(UUID id) {
        return jdbc.sql("select * from email_template where id = :id and practice_id = :practiceId")
                .param("id", id).query((rs, n) -> template(rs)).optional()
                .orElseThrow(() -> new NotFoundException("template", id));
    }

    @Transactional
    public EmailTemplate create(TemplateChanges changes) {
        checkPlaceholders(changes);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into email_template (id, practice_id, name, subject, body, attachments)
                    values (:id, :practiceId, :name, :subject, :body, cast(:attachments as jsonb))
                    """).param("id", id).params(columns(changes)).update();
        } catch (DuplicateKeyException taken) {
            throw duplicate(changes.name());
        }
        return get(id);
    }

    @Transactional
    public EmailTemplate update(UUID id, TemplateChanges changes) {
        checkPlaceholders(changes);
        int updated;
        try {
            updated = jdbc.sql("""
                    update email_template set name = :name, subject = :subject, body = :body,
                                              attachments = cast(:attachments as jsonb), updated_at = now()
                    where id = :id and practice_id = :practiceId
                    """).param("id", id).params(columns(changes)).update();
        } catch (DuplicateKeyException taken) {
            throw duplicate(changes.name());
        }
        if (updated == 0) {
            throw new NotFoundException("template", id);
        }
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        if (jdbc.sql("delete from email_template where id = :id and practice_id = :practiceId").param("id", id).update() == 0) {
            throw new NotFoundException("template", id);
        }
    }

    /** The template filled in for {@code clientId} by the caller: values are HTML-escaped in the body only. */
    @Transactional(readOnly = true)
    public RenderedEmail render(UUID id, RenderRequest request) {
        EmailTemplate template = get(id);
        ClientSummary client = clients.find(request.clientId())
                .orElseThrow(() -> new NotFoundException("client", request.clientId()));
        Map<String, String> values = values(client);
        return new RenderedEmail(TemplateText.render(template.subject(), values, UnaryOperator.identity()),
                TemplateText.render(template.body(), values, HtmlUtils::htmlEscape), template.attachments());
    }

    private static Map<String, String> values(ClientSummary client) {
        Tenant tenant = Tenant.current();
        Map<String, String> values = new HashMap<>();
        values.put("client.name", client.displayName());
        values.put("client.email", client.email());
        values.put("client.phone", client.phone());
        String staffName = claim(NAME_CLAIM);
        values.put("staff.name", staffName != null ? staffName : tenant.email());
        values.put("staff.email", tenant.email());
        values.put("practice.name", claim(PRACTICE_NAME_CLAIM));
        values.put("today", LocalDate.now(ZoneOffset.UTC).format(TODAY));
        return values;
    }

    private static String claim(String name) {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? token.getToken().getClaimAsString(name) : null;
    }

    private static void checkPlaceholders(TemplateChanges changes) {
        List<FieldProblem> problems = new ArrayList<>();
        TemplateText.problems(changes.subject()).forEach(problem -> problems.add(new FieldProblem("subject", problem)));
        TemplateText.problems(changes.body()).forEach(problem -> problems.add(new FieldProblem("body", problem)));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The template uses placeholders that cannot be filled in.", problems);
        }
    }

    private static Map<String, Object> columns(TemplateChanges changes) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", changes.name().strip());
        columns.put("subject", changes.subject().strip());
        columns.put("body", changes.body());
        columns.put("attachments", JSON.writeValueAsString(
                changes.attachments() == null ? List.of() : changes.attachments()));
        return columns;
    }

    private static EmailTemplate template(ResultSet rs) throws SQLException {
        Set<String> placeholders = new LinkedHashSet<>(TemplateText.placeholders(rs.getString("subject")));
        placeholders.addAll(TemplateText.placeholders(rs.getString("body")));
        return new EmailTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("subject"),
                rs.getString("body"), JSON.readValue(rs.getString("attachments"), ATTACHMENTS), placeholders,
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("A template named \"" + name.strip() + "\" already exists.", Map.of("field", "name"));
    }
}
