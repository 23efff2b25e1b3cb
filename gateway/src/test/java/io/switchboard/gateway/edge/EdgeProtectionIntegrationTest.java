package io.switchboard.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.gateway.GatewayIntegrationTestSupport;

/** Rate limits, security headers, CORS, size limits and errors at the edge, against a real stand-in service. */
class EdgeProtectionIntegrationTest extends GatewayIntegrationTestSupport {

    static final int ONE_MEGABYTE = 1024 * 1024;

    @Test
    void refusesAPracticeThatSpentItsBudgetWithRetryAfterWhileAnotherPracticeCarriesOn() throws Exception {
        String practiceA = token(UUID.randomUUID());
        String practiceB = token(UUID.randomUUID());
        for (int i = 0; i < BURST; i++) {
            assertThat(get("/api/register/clients?rate=a" + i, practiceA).statusCode()).as("request %d", i).isEqualTo(200);
        }

        HttpResponse<String> refused = get("/api/register/clients?rate=a-over", practiceA);
        HttpResponse<String> other = get("/api/register/clients?rate=b", practiceB);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(receivedAt("/clients?rate=a-over")).isEmpty();
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void limitsCallersWithoutATokenByTheirAddress() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertThat(get("/api/integrations/connections/gmail/callback?state=ip" + i, null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = get("/api/integrations/connections/gmail/callback?state=ip-over", null);
        HttpResponse<String> elsewhere = send(request("/api/integrations/connections/gmail/callback?state=ip-other")
                .setHeader("X-Forwarded-For", "192.0.2.77"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(elsewhere.statusCode()).isEqualTo(200);
    }

    @Test
    void putsTheSecurityHeadersOnEveryResponseOverridingWhatAServiceSent() throws Exception {
        HttpResponse<String> routed = get("/api/register/clients?headers=1", token());
        HttpResponse<String> refused = get("/api/register/clients?headers=2", null);

        for (HttpResponse<String> response : new HttpResponse[] {routed, refused}) {
            assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        assertThat(routed.statusCode()).isEqualTo(200);
    }

    @Test
    void addsStrictTransportSecurityBehindHttps() throws Exception {
        HttpResponse<String> response = send(request("/actuator/health").header("X-Forwarded-Proto", "https"));

        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age=31536000"));
    }

    @Test
    void answersThePreflightOfTheFrontEndWithoutReachingAService() throws Exception {
        HttpResponse<String> preflight = send(request("/api/register/clients?preflight=ok")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", FRONT_END)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));

        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONT_END);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                headers -> assertThat(headers.toLowerCase()).contains("authorization", "content-type"));
        assertThat(receivedAt("/clients?preflight=ok")).isEmpty();
    }

    @Test
    void letsTheFrontEndOriginReadTheAnswer() throws Exception {
        HttpResponse<String> response = send(request("/api/register/clients?cors=ok")
                .header("Authorization", "Bearer " + token()).header("Origin", FRONT_END));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONT_END);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).contains("X-Correlation-Id", "Retry-After"));
    }

    @Test
    void refusesEveryOtherOriginAndItsPreflight() throws Exception {
        HttpResponse<String> call = send(request("/api/register/clients?cors=evil")
                .header("Authorization", "Bearer " + token()).header("Origin", "https://evil.example"));
        HttpResponse<String> preflight = send(request("/api/register/clients?cors=evil-preflight")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE"));

        assertThat(call.statusCode()).isEqualTo(403);
        assertProblem(call, 403);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(received(r -> r.path().contains("cors=evil"))).isEmpty();
    }

    @Test
    void refusesABodyDeclaredOverOneMegabyteBeforeItReachesAService() throws Exception {
        HttpResponse<String> response = send(request("/api/register/entries?size=declared")
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ONE_MEGABYTE + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, 413);
        assertThat(receivedAt("/entries?size=declared")).isEmpty();
    }

    @Test
    void refusesAChunkedBodyThatGrowsPastOneMegabyteBeforeItReachesAService() throws Exception {
        HttpResponse<String> response = send(request("/api/register/entries?size=chunked")
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[ONE_MEGABYTE + 1]))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, 413);
        assertThat(receivedAt("/entries?size=chunked")).isEmpty();
    }

    @Test
    void forwardsAChunkedBodyWithinTheLimitWholeWithItsLength() throws Exception {
        byte[] body = new byte[ONE_MEGABYTE];
        Arrays.fill(body, (byte) 'x');
        HttpResponse<String> response = send(request("/api/register/entries?size=chunked-ok")
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receivedAt("/entries?size=chunked-ok")).singleElement().satisfies(received -> {
            assertThat(received.body()).isEqualTo(body);
            assertThat(received.header("Content-Length")).isEqualTo(Integer.toString(ONE_MEGABYTE));
        });
    }

    @Test
    void answersAServiceThatIsDownWith503AndNoInternals() throws Exception {
        HttpResponse<String> response = get("/api/notifications/inbox", token());

        assertThat(response.statusCode()).isEqualTo(503);
        assertProblem(response, 503);
        assertThat(response.body()).doesNotContain("Exception", "exception", "refused", "localhost", "127.0.0.1",
                Integer.toString(DEAD_PORT), "\tat ", "trace", "netty");
    }

    @Test
    void answersAPathWithoutARouteWith404Problem() throws Exception {
        HttpResponse<String> response = get("/api/nowhere/at-all", token());

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, 404);
        assertThat(response.body()).doesNotContain("Exception", "trace");
    }

    @Test
    void passesTheCallersCorrelationIdToTheServiceAndBack() throws Exception {
        String id = "corr-" + UUID.randomUUID();
        HttpResponse<String> response = send(request("/api/register/clients?corr=given")
                .header("Authorization", "Bearer " + token()).header("X-Correlation-Id", id));

        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly(id);
        assertThat(receivedAt("/clients?corr=given")).singleElement()
                .satisfies(received -> assertThat(received.header("X-Correlation-Id")).isEqualTo(id));
    }

    @Test
    void makesACorrelationIdWhenTheCallerHasNoneAndPutsItInProblems() throws Exception {
        HttpResponse<String> routed = get("/api/register/clients?corr=made", token());
        HttpResponse<String> refused = get("/api/register/clients?corr=refused", null);

        String made = routed.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(receivedAt("/clients?corr=made")).singleElement()
                .satisfies(received -> assertThat(received.header("X-Correlation-Id")).isEqualTo(made));
        String refusedId = refused.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(refused.body()).contains("\"correlationId\":\"" + refusedId + "\"");
        assertThat(refusedId).isNotEqualTo(made);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(response.body()).contains("\"type\":\"about:blank\"", "\"status\":" + status, "\"title\":",
                "\"detail\":", "\"correlationId\":\"" + correlationId + "\"");
    }
}
