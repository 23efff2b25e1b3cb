package io.switchboard.integration.teams;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MicrosoftProperties.class)
class TeamsConfiguration {
}
