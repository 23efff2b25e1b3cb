package io.switchboard.gmail;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Filing Gmail messages into the register from the add-on panel, composing through Gmail, and opt-in sync. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@OpenAPIDefinition(info = @Info(title = "Gmail API", version = "v1",
        description = "The Gmail add-on's backend: assign and unassign messages to clients, suggestions, attachment"
                + " downloads, the compose helper and opt-in sync proposals. Every call answers 403 with a reason"
                + " (GMAIL_DISABLED, GMAIL_NOT_CONNECTED, GMAIL_NEEDS_REAUTH) when Gmail cannot be used."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class GmailSyncServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GmailSyncServiceApplication.class, args);
    }
}
