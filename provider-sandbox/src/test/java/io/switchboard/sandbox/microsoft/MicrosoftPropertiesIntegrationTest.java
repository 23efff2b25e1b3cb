package io.switchboard.sandbox.microsoft;

import static io.switchboard.sandbox.support.MicrosoftOAuthClient.VERIFIER;
import static io.switchboard.sandbox.support.MicrosoftOAuthClient.json;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.ACME_TENANT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.GENERAL_CHANNEL_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.PRACTICE_TEAM_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.SAM_UPN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.support.MicrosoftOAuthClient;
import io.switchboard.sandbox.support.MicrosoftTenantMother;
import tools.jackson.databind.JsonNode;

/** {@code sandbox.microsoft.*} from configuration: how long codes live and how many items a Graph page holds. */
class MicrosoftPropertiesIntegrationTest {

    private static ProviderSandbox sandbox;
    private static MicrosoftOAuthClient client;

    @BeforeAll
    static void start() {
        sandbox = ProviderSandbox.start(Map.of("sandbox.microsoft.code-lifetime", "1ms", "sandbox.microsoft.page-size", "1"));
        client = new MicrosoftOAuthClient(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void seed() {
        sandbox.reset();
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
    }

    @Test
    void refusesACodeRedeemedAfterTheCodeLifetime() {
        HttpResponse<String> token = client.redeem(ACME_TENANT_ID, client.code(ACME_TENANT_ID, SAM_UPN), VERIFIER);

        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(json(token).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(token).get("error_codes").get(0).asInt()).isEqualTo(70008);
    }

    @Test
    void pagesGraphListsAtTheConfiguredPageSize() {
        // This sandbox's codes expire before they can be redeemed, so the token comes from the Java API.
        String accessToken = sandbox.microsoft().issueTokens(new MicrosoftGrant(ACME_TENANT_ID,
                MicrosoftTenantMother.SAM_ID, MicrosoftTenantMother.CLIENT_ID, "Channel.ReadBasic.All"), false).accessToken();

        JsonNode first = json(client.graphGet("/teams/" + PRACTICE_TEAM_ID + "/channels", accessToken));
        JsonNode second = json(client.graphGetUrl(first.get("@odata.nextLink").asString(), accessToken));

        assertThat(first.get("value")).hasSize(1);
        assertThat(first.get("value").get(0).get("id").asString()).isEqualTo(GENERAL_CHANNEL_ID);
        assertThat(second.get("value")).hasSize(1);
        assertThat(second.has("@odata.nextLink")).isFalse();
    }
}
