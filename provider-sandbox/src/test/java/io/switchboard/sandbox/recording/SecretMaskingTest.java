package io.switchboard.sandbox.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SecretMaskingTest {

    @Test
    void keepsTheKindAndLastFourCharactersOfABearerToken() {
        assertThat(SecretMasking.maskAuthorization("Bearer xoxb-1111111111-2222222222-AbCdEfGh7a3f"))
                .isEqualTo("Bearer xoxb-…7a3f");
        assertThat(SecretMasking.maskAuthorization("Bearer eyJhbGciOiJSUzI1NiJ9.payload.signatureQ9zX"))
                .isEqualTo("Bearer …Q9zX");
        assertThat(SecretMasking.maskToken("xoxe.xoxp-1-Mi0yLTEyMzQ1Njc4OTAtabcd")).isEqualTo("xoxe.xoxp-…abcd");
    }

    @Test
    void hidesAShortTokenWhole() {
        assertThat(SecretMasking.maskAuthorization("Bearer xoxb-short")).isEqualTo("Bearer xoxb-…");
        assertThat(SecretMasking.maskAuthorization("Bearer null")).isEqualTo("Bearer …");
    }

    @Test
    void hidesBasicCredentialsWhole() {
        assertThat(SecretMasking.maskAuthorization("Basic YWxhZGRpbjpvcGVuc2VzYW1l")).isEqualTo("Basic …");
    }

    @Test
    void masksSecretParametersAndLeavesTheRest() {
        Map<String, List<String>> masked = SecretMasking.maskParameters(Map.of(
                "client_secret", List.of("0123456789abcdefSECRET"),
                "code", List.of("4.1234567890.abcdefgh"),
                "channel", List.of("C0FRONTDESK")));

        assertThat(masked.get("client_secret")).containsExactly("…CRET");
        assertThat(masked.get("code")).containsExactly("…efgh");
        assertThat(masked.get("channel")).containsExactly("C0FRONTDESK");
    }

    @Test
    void masksSecretFieldsAtAnyDepthOfAJsonBody() {
        JsonNode body = JsonMapper.shared().readTree("""
                {"grant_type":"refresh_token","refresh_token":"0.ARoAv4j5cvGGr0GRqy180BHbR1234",
                 "nested":[{"access_token":"EwBwA8l6BAAURSN1234567wxyz"}]}""");

        JsonNode masked = SecretMasking.maskJson(body);

        assertThat(masked.get("grant_type").asString()).isEqualTo("refresh_token");
        assertThat(masked.get("refresh_token").asString()).isEqualTo("…1234");
        assertThat(masked.get("nested").get(0).get("access_token").asString()).isEqualTo("…wxyz");
        assertThat(body.get("refresh_token").asString()).endsWith("R1234");
    }
}
