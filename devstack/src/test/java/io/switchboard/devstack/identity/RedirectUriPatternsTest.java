package io.switchboard.devstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedirectUriPatternsTest {

    private final List<String> registered = List.of("http://localhost:8080/**",
            "http://127.0.0.1:8080/login/oauth2/code/*", "https://app.example/callback");

    @Test
    void acceptsExactAndPatternMatches() {
        assertThat(RedirectUriPatterns.matchesAny(registered, "https://app.example/callback")).isTrue();
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://localhost:8080/")).isTrue();
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://localhost:8080/app/callback")).isTrue();
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://127.0.0.1:8080/login/oauth2/code/switchboard"))
                .isTrue();
    }

    @Test
    void refusesOtherHostsPortsSchemesAndPaths() {
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://evil.example:8080/")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://localhost:9999/")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "https://localhost:8080/")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://localhost:8080@evil.example/")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://127.0.0.1:8080/login/oauth2/code/a/b")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "https://app.example/callback/more")).isFalse();
    }

    @Test
    void refusesFragmentsQueriesOnPatternsAndNonsense() {
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://localhost:8080/#token")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "http://localhost:8080/?next=http://evil.example")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "/relative")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, "not a uri")).isFalse();
        assertThat(RedirectUriPatterns.matchesAny(registered, null)).isFalse();
    }
}
