package io.switchboard.platform.testapp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.cloudevents.CloudEvent;
import io.switchboard.contracts.EventCatalog;
import io.switchboard.contracts.EventCodec;
import io.switchboard.platform.messaging.EventHandlers;
import io.switchboard.platform.messaging.IdempotentConsumer;
import io.switchboard.platform.security.Tenant;
import io.switchboard.platform.security.TenantJdbc;
import io.switchboard.platform.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A minimal service built on the platform the way the real services are, for the platform's own tests. */
@SpringBootApplication
public class PlatformTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlatformTestApplication.class, args);
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec(EventCatalog.standard().with(List.of(WidgetChanged.TYPE)));
    }

    @Bean
    NewTopic widgetTopic() {
        return new NewTopic(WidgetChanged.TOPIC.name(), WidgetChanged.TOPIC.partitions(), (short) 1);
    }

    @Bean
    NewTopic widgetDeadLetterTopic() {
        return new NewTopic(WidgetChanged.TOPIC.deadLetter().name(), WidgetChanged.TOPIC.partitions(), (short) 1);
    }

    /** The widget as the API shows it. */
    public record Widget(UUID id, String name, int version) {
    }

    /** A new widget's fields. */
    public record NewWidget(@NotBlank @Size(max = 100) String name) {
    }

    @Service
    public static class Widgets {
        private final TenantJdbc jdbc;
        private final ApplicationEventPublisher events;

        Widgets(TenantJdbc jdbc, ApplicationEventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public Widget create(UUID practiceId, String name) {
            UUID id = UUID.randomUUID();
            jdbc.sql(practiceId, "insert into widget (id, practice_id, name, version) values (:id, :practiceId, :name, 1)")
                    .param("id", id).param("name", name).update();
            events.publishEvent(new WidgetChanged(practiceId, id, name, 1));
            return new Widget(id, name, 1);
        }

        /** Renames a widget; the row lock taken by the update orders concurrent changes of one widget. */
        @Transactional
        public Widget rename(UUID practiceId, UUID id, String name) {
            Integer version = jdbc.sql(practiceId, """
                    update widget set name = :name, version = version + 1
                    where id = :id and practice_id = :practiceId returning version
                    """).param("id", id).param("name", name).query(Integer.class).optional()
                    .orElseThrow(() -> new NotFoundException("widget", id));
            events.publishEvent(new WidgetChanged(practiceId, id, name, version));
            return new Widget(id, name, version);
        }

        /** Records the change and then fails, so the transaction rolls back. */
        @Transactional
        public void renameThenFail(UUID practiceId, UUID id, String name) {
            rename(practiceId, id, name);
            throw new IllegalStateException("failing after the event was recorded");
        }

        /** Across practices: only other services, with the internal scope, may ask. */
        public long count() {
            return jdbc.unscoped().sql("select count(*) from widget").query(Long.class).single();
        }

        public Optional<Widget> find(UUID id) {
            return jdbc.sql("select id, name, version from widget where id = :id and practice_id = :practiceId")
                    .param("id", id).query(Widget.class).optional();
        }
    }

    @RestController
    static class WidgetController {
        private final Widgets widgets;

        WidgetController(Widgets widgets) {
            this.widgets = widgets;
        }

        @PostMapping("/widgets")
        @ResponseStatus(HttpStatus.CREATED)
        Widget create(@Valid @RequestBody NewWidget widget) {
            return widgets.create(Tenant.current().practiceId(), widget.name());
        }

        @GetMapping("/widgets/{id}")
        Widget get(@PathVariable UUID id) {
            return widgets.find(id).orElseThrow(() -> new NotFoundException("widget", id));
        }

        @GetMapping("/portal/widgets/{id}")
        Widget portalGet(@PathVariable UUID id) {
            return get(id);
        }

        @GetMapping("/internal/widgets/count")
        long count() {
            return widgets.count();
        }

        @PostMapping("/admin/widgets/{id}/rename")
        @PreAuthorize("hasRole('PRACTICE_ADMIN')")
        Widget rename(@PathVariable UUID id, @Valid @RequestBody NewWidget widget) {
            return widgets.rename(Tenant.current().practiceId(), id, widget.name());
        }
    }

    /** Consumes widget events idempotently, recording one effect row per event. */
    @Service
    public static class WidgetEffects {
        static final String CONSUMER = "widget-effects";
        private final IdempotentConsumer idempotent;
        private final EventHandlers handlers;

        WidgetEffects(IdempotentConsumer idempotent, EventCodec codec, TenantJdbc jdbc) {
            this.idempotent = idempotent;
            this.handlers = EventHandlers.builder(codec)
                    .on(WidgetChanged.TYPE, (changed, event) -> jdbc.sql(changed.practiceId(), """
                            insert into widget_effect (event_id, widget_id, practice_id)
                            values (:eventId, :widgetId, :practiceId)
                            """).param("eventId", event.getId()).param("widgetId", changed.widgetId()).update())
                    .build();
        }

        @KafkaListener(topics = "platform.test.widget.v1", groupId = "widget-effects")
        void on(CloudEvent event) {
            idempotent.handle(CONSUMER, event, () -> handlers.dispatch(event));
        }
    }
}
