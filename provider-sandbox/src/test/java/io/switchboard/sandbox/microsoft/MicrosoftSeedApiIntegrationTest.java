package io.switchboard.sandbox.microsoft;

import static io.switchboard.sandbox.support.MicrosoftTenantMother.ACME_DOMAIN;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.ACME_TENANT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.CLIENT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.CLIENT_SECRET;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.FRONT_DESK_CHANNEL_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.PRACTICE_TEAM_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.SAM_UPN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.MicrosoftOAuthClient;
import io.switchboard.sandbox.support.MicrosoftTenantMother;
import io.switchboard.sandbox.support.SandboxApi;
import tools.jackson.databind.JsonNode;

/** Seeding and steering the emulated Microsoft cloud through {@code /sandbox/api/microsoft} and the Java API. */
class MicrosoftSeedApiIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private final SandboxApi api = new SandboxApi(sandbox);

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void seedsATenantFromJsonAndShowsItWithTheAppSecretMasked() {
        ResponseEntity<String> created = api.postJson("/sandbox/api/microsoft/tenants", MicrosoftTenantMother.acme());

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/sandbox/api/microsoft/tenants/" + ACME_TENANT_ID);
        JsonNode tenant = SandboxApi.json(api.get("/sandbox/api/microsoft/tenants/" + ACME_DOMAIN));
        assertThat(tenant.get("tenantId").asString()).isEqualTo(ACME_TENANT_ID);
        assertThat(tenant.get("users")).hasSize(3);
        assertThat(tenant.get("teams").get(0).get("channels").get(1).get("id").asString()).isEqualTo(FRONT_DESK_CHANNEL_ID);
        assertThat(tenant.get("adminConsents")).isEmpty();
        String apps = api.get("/sandbox/api/microsoft/apps").getBody();
        assertThat(apps).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void refusesAnInvalidSeedListingTheFieldsAndADuplicateTenantAsConflict() {
        MicrosoftTenantSeed invalid = new MicrosoftTenantSeed(" ", "x.test", null,
                List.of(MicrosoftTenantSeed.User.member("u1", "u1@x.test", "U1")),
                List.of(new MicrosoftTenantSeed.Team("t1", "Team", List.of("nobody"),
                        List.of(new MicrosoftTenantSeed.Channel("C123", "general")))), null);
        sandbox.microsoft().seed(MicrosoftTenantMother.acme());

        ResponseEntity<String> rejected = api.postJson("/sandbox/api/microsoft/tenants", invalid);
        ResponseEntity<String> duplicate = api.postJson("/sandbox/api/microsoft/tenants", MicrosoftTenantMother.acme());

        assertThat(rejected.getStatusCode().value()).isEqualTo(400);
        assertThat(SandboxApi.json(rejected).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("tenantId", "teams[0].members[0]", "teams[0].channels[0].id");
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        assertThatThrownBy(() -> sandbox.microsoft().seed(invalid)).isInstanceOf(MicrosoftSeedRejectedException.class);
    }

    @Test
    void givesAdminConsentRevokesGrantsAndListsMessagesThroughJson() {
        api.postJson("/sandbox/api/microsoft/tenants", MicrosoftTenantMother.acme());
        MicrosoftOAuthClient client = new MicrosoftOAuthClient(sandbox);

        ResponseEntity<String> consent = api.postJson("/sandbox/api/microsoft/tenants/" + ACME_TENANT_ID + "/admin-consents",
                Map.of("clientId", CLIENT_ID));
        String accessToken = client.signIn(SAM_UPN).get("access_token").asString();
        ResponseEntity<String> revoke = api.postJson("/sandbox/api/microsoft/tenants/" + ACME_TENANT_ID + "/users/" + SAM_UPN
                + "/revoke-grants", Map.of());

        assertThat(consent.getStatusCode().value()).isEqualTo(204);
        assertThat(SandboxApi.json(revoke).get("revoked").asInt()).isEqualTo(2);
        assertThat(client.graphGet("/me", accessToken).statusCode()).isEqualTo(401);
        assertThat(SandboxApi.json(api.get("/sandbox/api/microsoft/messages?team=" + PRACTICE_TEAM_ID))).isEmpty();
        assertThat(api.postJson("/sandbox/api/microsoft/tenants/" + ACME_TENANT_ID + "/users/nobody/revoke-grants", Map.of())
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void setsTheAccessTokenLifetimeUntilReset() {
        ResponseEntity<String> set = api.putJson("/sandbox/api/microsoft/access-token-lifetime", Map.of("lifetime", "PT30S"));
        ResponseEntity<String> invalid = api.putJson("/sandbox/api/microsoft/access-token-lifetime", Map.of("lifetime", "PT0S"));

        assertThat(set.getStatusCode().value()).isEqualTo(200);
        assertThat(sandbox.microsoft().accessTokenLifetime()).hasSeconds(30);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        sandbox.reset();
        assertThat(sandbox.microsoft().accessTokenLifetime()).hasHours(1);
    }
}
