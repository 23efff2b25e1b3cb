package io.switchboard.devstack.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The dev stack's OAuth2/OIDC issuer: Spring Authorization Server with the demo users, a public web
 * client (authorization code + PKCE) and a confidential client for service-to-service calls. For local
 * development and docker-compose only; production points the services at a real identity provider.
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class DevIdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevIdentityApplication.class, args);
    }
}
