package io.switchboard.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackPropertiesTest {

    @Test
    void neverShowsTheSigningSecret() {
        String secret = "8f742231b10e8888abcd99yyyzzz85a5";

        assertThat(new SlackProperties(secret, 10).toString()).doesNotContain(secret).contains("signingSecret=<set>");
        assertThat(new SlackProperties(null, 10).toString()).contains("signingSecret=<unset>");
    }
}
