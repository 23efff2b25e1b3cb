package io.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleAppTest {

    private final ModuleApp sandbox = new ModuleApp("provider-sandbox", 8090, "/actuator/health", List.of(3025), false);

    @TempDir
    Path root;

    @Test
    void prefersTheExecClassifiedJarWhenThePlainOneIsALibrary() throws IOException {
        jar("provider-sandbox-0.1.0-SNAPSHOT.jar", false);
        Path exec = jar("provider-sandbox-0.1.0-SNAPSHOT-exec.jar", true);

        assertThat(sandbox.executableJar(root)).contains(exec);
    }

    @Test
    void findsThePlainJarWhenItIsExecutable() throws IOException {
        Path plain = jar("provider-sandbox-0.1.0-SNAPSHOT.jar", true);
        jar("provider-sandbox-0.1.0-SNAPSHOT-sources.jar", false);

        assertThat(sandbox.executableJar(root)).contains(plain);
    }

    @Test
    void findsNothingBeforeTheModuleIsBuilt() throws IOException {
        assertThat(sandbox.executableJar(root)).isEmpty();

        jar("provider-sandbox-0.1.0-SNAPSHOT.jar", false);
        assertThat(sandbox.executableJar(root)).isEmpty();
    }

    @Test
    void listsEveryPortItNeeds() {
        assertThat(sandbox.ports()).containsExactly(8090, 3025);
        assertThat(sandbox.healthUrl()).hasToString("http://localhost:8090/actuator/health");
    }

    private Path jar(String name, boolean executable) throws IOException {
        Path target = Files.createDirectories(root.resolve("provider-sandbox/target"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (executable) {
            manifest.getMainAttributes().putValue("Start-Class", "io.switchboard.sandbox.SandboxApplication");
        }
        Path jar = target.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
