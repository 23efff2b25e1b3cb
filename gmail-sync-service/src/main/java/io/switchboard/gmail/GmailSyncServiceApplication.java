package io.switchboard.gmail;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Filing Gmail messages into the register from the add-on panel. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "Gmail API", version = "v1"), security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class GmailSyncServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GmailSyncServiceApplication.class, args);
    }
}
