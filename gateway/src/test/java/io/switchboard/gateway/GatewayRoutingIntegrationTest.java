package io.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** Routes to a stand-in service on a real socket and checks what reaches it. */
class GatewayRoutingIntegrationTest extends GatewayIntegrationTestSupport {

    @Test
    void relaysAnAuthenticatedCallToTheServiceWithoutTheApiPrefixAndWithTheToken() throws Exception {
        String token = token();
        HttpResponse<String> response = get("/api/register/clients?q=linh", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("from service");
        assertThat(receivedAt("/clients?q=linh")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @Test
    void refusesACallWithoutAValidTokenBeforeItReachesAService() throws Exception {
        HttpResponse<String> anonymous = get("/api/register/clients?case=anonymous", null);
        HttpResponse<String> garbage = get("/api/register/clients?case=garbage", "not-a-token");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(receivedAt("/clients?case=anonymous")).isEmpty();
        assertThat(receivedAt("/clients?case=garbage")).isEmpty();
    }

    @Test
    void letsTheBrowserReturnFromEveryProviderWithoutATokenButNothingElseOfTheIntegrationsApi() throws Exception {
        for (String provider : new String[] {"slack/callback", "teams/callback", "teams/consent-callback", "gmail/callback"}) {
            String state = "s-" + clientIp;
            HttpResponse<String> callback = get("/api/integrations/connections/" + provider + "?code=c&state=" + state, null);

            assertThat(callback.statusCode()).as(provider).isEqualTo(200);
            assertThat(receivedAt("/connections/" + provider + "?code=c&state=" + state)).as(provider).hasSize(1);
        }
        assertThat(get("/api/integrations/connections", null).statusCode()).isEqualTo(401);
    }

    @Test
    void neverRoutesServiceToServiceApisEvenWithAValidToken() throws Exception {
        HttpResponse<String> internal = get("/api/integrations/internal/practices/x/connections/slack/token", token());

        assertThat(internal.statusCode()).isEqualTo(403);
        assertThat(received(r -> r.path().contains("/internal/"))).isEmpty();
    }

    @Test
    void answersHealthWithoutAToken() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void servesEveryServicesApiDocsThroughOneIndex() throws Exception {
        HttpResponse<String> index = get("/api-docs", null);
        HttpResponse<String> registerDocs = get("/api/register/v3/api-docs", null);

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("\"url\":\"/api/register/v3/api-docs\"", "\"url\":\"/api/integrations/v3/api-docs\"",
                "\"url\":\"/api/notifications/v3/api-docs\"", "\"url\":\"/api/gmail/v3/api-docs\"",
                "\"url\":\"/api/workflow/v3/api-docs\"");
        assertThat(registerDocs.statusCode()).isEqualTo(200);
        assertThat(receivedAt("/v3/api-docs")).isNotEmpty();
    }
}
