package io.switchboard.platform.testapp;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.switchboard.contracts.EventCatalog;
import io.switchboard.contracts.EventCodec;
import io.switchboard.platform.outbox.Outbox;

/**
 * A process that commits a change with its event and dies in the commit callback, where the relay
 * would be woken to publish: the state "committed but never published".
 */
public final class DyingProducer {

    static final int HALTED = 137;

    private DyingProducer() {
    }

    public static void main(String[] args) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], args[2]);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        EventCodec codec = new EventCodec(EventCatalog.standard().with(java.util.List.of(WidgetChanged.TYPE)));
        Outbox outbox = new Outbox(jdbc, codec, "/switchboard/dying-producer", () -> Runtime.getRuntime().halt(HALTED));
        UUID practice = UUID.fromString(args[3]);
        UUID widget = UUID.fromString(args[4]);
        tx.executeWithoutResult(status -> {
            jdbc.sql("insert into widget (id, practice_id, name, version) values (:id, :practice, :name, 1)")
                    .param("id", widget).param("practice", practice).param("name", "from a dying process").update();
            outbox.record(new WidgetChanged(practice, widget, "from a dying process", 1));
        });
        System.exit(1);
    }
}
