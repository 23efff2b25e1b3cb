package io.switchboard.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** How much memory the stack's processes hold, from {@code /proc} (Linux only; elsewhere unknown). */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** The summed resident set of these processes and their descendants, in bytes, if it can be read. */
    static OptionalLong of(Collection<ProcessHandle> processes) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return OptionalLong.empty();
        }
        long total = processes.stream()
                .flatMap(process -> Stream.concat(Stream.of(process), process.descendants()))
                .distinct()
                .mapToLong(ResidentMemory::residentBytes)
                .sum();
        return OptionalLong.of(total);
    }

    private static long residentBytes(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kilobytes -> Long.parseLong(kilobytes) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
