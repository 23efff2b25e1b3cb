package io.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevStackOptionsTest {

    @Test
    void startsTheWholeStackWithoutFlags() {
        DevStackOptions options = DevStackOptions.parse();

        assertThat(options.help()).isFalse();
        assertThat(options.fresh()).isFalse();
        assertThat(options.onlyInfra()).isFalse();
        assertThat(options.parallelism()).isGreaterThanOrEqualTo(ModuleApp.SERVICES.size());
    }

    @Test
    void readsEveryFlag() {
        DevStackOptions options = DevStackOptions.parse("--fresh", "--only=infra", "--parallel=3", "--help");

        assertThat(options.fresh()).isTrue();
        assertThat(options.onlyInfra()).isTrue();
        assertThat(options.parallelism()).isEqualTo(3);
        assertThat(options.help()).isTrue();
    }

    @Test
    void refusesUnknownOrMalformedFlags() {
        assertThatThrownBy(() -> DevStackOptions.parse("--frsh")).hasMessageContaining("--frsh");
        assertThatThrownBy(() -> DevStackOptions.parse("--only=services")).hasMessageContaining("--only=infra");
        assertThatThrownBy(() -> DevStackOptions.parse("--parallel=many")).hasMessageContaining("number");
        assertThatThrownBy(() -> DevStackOptions.parse("--parallel=0")).hasMessageContaining("at least 1");
    }
}
