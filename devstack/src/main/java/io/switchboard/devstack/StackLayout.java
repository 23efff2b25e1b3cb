package io.switchboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import io.switchboard.devstack.process.JavaLauncher;

/**
 * Where things are: the repository (whose modules' jars are started) and the data directory
 * {@code .devstack/} in it, which holds everything the stack keeps between runs.
 */
public record StackLayout(Path root) {

    public StackLayout {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The repository the launcher belongs to: {@code -Ddevstack.root} if given; else the one whose
     * {@code devstack/target} holds the running jar; else the working directory.
     */
    public static StackLayout locate() {
        String configured = System.getProperty("devstack.root");
        if (configured != null) {
            return new StackLayout(Path.of(configured));
        }
        return JavaLauncher.runningBootJar()
                .map(jar -> jar.getParent().getParent().getParent())
                .filter(root -> Files.exists(root.resolve("pom.xml")))
                .map(StackLayout::new)
                .orElseGet(() -> new StackLayout(Path.of("")));
    }

    public Path data() {
        return root.resolve(".devstack");
    }

    public Path postgres() {
        return data().resolve("postgres");
    }

    public Path kafka() {
        return data().resolve("kafka");
    }

    public Path signingKey() {
        return data().resolve("identity").resolve("signing-key.json");
    }

    public Path tokens() {
        return data().resolve("tokens");
    }

    public Path logs() {
        return data().resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    public Path pids() {
        return data().resolve("run");
    }

    /** A path as the developer would type it from the repository root. */
    public String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    /** Deletes the data directory and everything in it. */
    public void deleteData() {
        if (!Files.exists(data())) {
            return;
        }
        try {
            Files.walkFileTree(data(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + data(), e);
        }
    }
}
