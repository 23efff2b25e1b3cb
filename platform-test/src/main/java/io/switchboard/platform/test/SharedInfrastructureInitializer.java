package io.switchboard.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring context at the shared broker and server: a database of its own, consumer groups of
 * its own, and the test token issuer's key.
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String database = infrastructure.createDatabase();
        TestPropertyValues.of(
                "spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "spring.datasource.username=" + infrastructure.username(),
                "spring.datasource.password=" + infrastructure.password(),
                "spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "switchboard.kafka.group-suffix=-" + database,
                "switchboard.security.jwt.public-key=" + TestTokens.publicKeyPem(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "switchboard.internal-client.token-uri=" + TestIssuer.tokenUri(),
                "switchboard.internal-client.client-secret=" + TestIssuer.CLIENT_SECRET,
                "switchboard.test.database=" + database,
                // At JVM exit the shared PostgreSQL may stop before a context has: a scheduled task then waits
                // this long for a connection, and context shutdown waits for it (30 s by default).
                "spring.datasource.hikari.connection-timeout=5000"
        ).applyTo(context);
    }
}
