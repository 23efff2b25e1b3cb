package io.switchboard.integration.vault;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vault bean from {@code switchboard.vault.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
class VaultConfiguration {

    @Bean
    Vault vault(VaultProperties properties) {
        return new Vault(properties);
    }
}
