package io.switchboard.sandbox;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The provider sandbox as a standalone app: the Slack Web API, Microsoft identity and Graph, the Gmail API
 * and SMTP emulated on one HTTP port and one SMTP port, for the dev stack and benchmarks.
 *
 * <p>Its configuration is {@code provider-sandbox.yml}, not {@code application.yml}: the jar also sits on
 * other modules' test classpaths, where an {@code application.yml} would shadow theirs or be shadowed by it.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@SandboxAutoConfiguration
@ComponentScan
@ConfigurationPropertiesScan
public class ProviderSandboxApplication {

    static final String CONFIG_NAME = "provider-sandbox";

    public static void main(String[] args) {
        run(args);
    }

    static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(ProviderSandboxApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application.run(args);
    }
}
