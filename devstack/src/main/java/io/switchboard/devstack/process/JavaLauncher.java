package io.switchboard.devstack.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the command line that runs one of this module's programs (the launcher, the Kafka broker and its
 * storage tool, the identity server) in a new JVM. From the executable jar that is the jar itself with
 * Spring Boot's PropertiesLauncher told which main class to run; from an IDE or a test it is the current
 * classpath.
 */
public final class JavaLauncher {

    private final Path java;
    private final Path bootJar;
    private final String classpath;

    private JavaLauncher(Path bootJar, String classpath) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java");
        this.bootJar = bootJar;
        this.classpath = classpath;
    }

    /** Runs programs the way the current JVM was started: from its executable jar, or from its classpath. */
    public static JavaLauncher likeThisJvm() {
        return runningBootJar().map(JavaLauncher::fromBootJar)
                .orElseGet(() -> fromClasspath(System.getProperty("java.class.path")));
    }

    public static JavaLauncher fromBootJar(Path jar) {
        return new JavaLauncher(jar.toAbsolutePath(), null);
    }

    public static JavaLauncher fromClasspath(String classpath) {
        return new JavaLauncher(null, classpath);
    }

    /** The executable jar this JVM runs from, if it was started with {@code java -jar devstack.jar}. */
    public static Optional<Path> runningBootJar() {
        boolean nested = JavaLauncher.class.getClassLoader().getClass().getName()
                .startsWith("org.springframework.boot.loader");
        String path = System.getProperty("java.class.path", "");
        if (nested && path.endsWith(".jar") && !path.contains(File.pathSeparator)) {
            Path jar = Path.of(path);
            if (Files.isRegularFile(jar)) {
                return Optional.of(jar.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** {@code java <jvmOptions> <mainClass> <args>}, whichever way the classes are found. */
    public List<String> command(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        if (bootJar != null) {
            command.add("-Dloader.main=" + mainClass);
            command.add("-jar");
            command.add(bootJar.toString());
        } else {
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    /** {@code java <jvmOptions> -jar <jar> <args>} for another module's executable jar. */
    public List<String> jarCommand(Path jar, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        return command;
    }
}
