package io.switchboard.workflow.templates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.ConflictException;
import io.switchboard.platform.web.NotFoundException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The practice's chat message templates (FEATURES.md W2): a stage automation always sends one. */
@Service
public class MessageTemplates {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> TODOS = new TypeReference<>() {
    };

    private final TenantJdbc jdbc;

    MessageTemplates(TenantJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<MessageTemplate> list(UUID practiceId) {
        return jdbc.sql(practiceId, "select * from message_template where practice_id = :practiceId order by name, id")
                .query((rs, n) -> template(rs)).list();
    }

    @Transactional(readOnly = true)
    public Optional<MessageTemplate> find(UUID practiceId, UUID id) {
        return jdbc.sql(practiceId, "select * from message_template where id = :id and practice_id = :practiceId")
                .param("id", id).query((rs, n) -> template(rs)).optional();
    }

    @Transactional(readOnly = true)
    public MessageTemplate get(UUID practiceId, UUID id) {
        return find(practiceId, id).orElseThrow(() -> new NotFoundException("message template", id));
    }

    @Transactional
    public MessageTemplate create(UUID practiceId, TemplateChanges changes) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql(practiceId, """
                    insert into message_template (id, practice_id, name, subject, body, todos)
                    values (:id, :practiceId, :name, :subject, :body, cast(:todos as jsonb))
                    """)
                    .param("id", id)
                    .param("name", changes.name().strip())
                    .param("subject", changes.subject().strip())
                    .param("body", changes.body())
                    .param("todos", JSON.writeValueAsString(changes.todos() == null ? List.of()
                            : changes.todos().stream().map(String::strip).toList()))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new ConflictException("A message template named \"" + changes.name().strip() + "\" already exists.",
                    Map.of("field", "name"));
        }
        return get(practiceId, id);
    }

    private static MessageTemplate template(ResultSet rs) throws SQLException {
        return new MessageTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("subject"),
                rs.getString("body"), JSON.readValue(rs.getString("todos"), TODOS),
                rs.getTimestamp("created_at").toInstant());
    }
}
