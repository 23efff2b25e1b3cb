package io.switchboard.sandbox.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Finds the emulated provider a request path belongs to. */
@Component
public class ProviderEmulators {

    private final Map<String, ProviderEmulator> byName;
    private final List<Route> routes;

    public ProviderEmulators(List<ProviderEmulator> emulators) {
        this.byName = emulators.stream().collect(Collectors.toUnmodifiableMap(ProviderEmulator::name, Function.identity()));
        this.routes = emulators.stream()
                .flatMap(emulator -> emulator.pathPatterns().stream()
                        .map(pattern -> new Route(PathPatternParser.defaultInstance.parse(pattern), emulator)))
                .sorted((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()))
                .toList();
    }

    public Optional<ProviderEmulator> forPath(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return routes.stream().filter(route -> route.pattern().matches(container)).map(Route::emulator).findFirst();
    }

    public Optional<ProviderEmulator> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    private record Route(PathPattern pattern, ProviderEmulator emulator) {
    }
}
