package io.switchboard.workflow.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Logical folder paths on a client's document tree ("Bank Statements/2026"): segments of letters,
 * digits, spaces and a little punctuation, never "." or "..", so a folder can be mirrored on a file
 * system without leaving the client's tree.
 */
public final class TaskFolders {

    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N} _.,()&'-]{1,80}");
    private static final int MAX_DEPTH = 8;

    private TaskFolders() {
    }

    /** The folder in canonical form ({@code A/B}), or {@code null} when it is not acceptable. */
    public static String normalise(String folder) {
        if (folder == null) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String raw : folder.split("/", -1)) {
            String segment = raw.strip();
            if (segment.isEmpty()) {
                continue;
            }
            if (!SEGMENT.matcher(segment).matches() || segment.chars().allMatch(c -> c == '.')) {
                return null;
            }
            segments.add(segment);
        }
        return segments.isEmpty() || segments.size() > MAX_DEPTH ? null : String.join("/", segments);
    }

    public static List<String> segments(String normalised) {
        return List.of(normalised.split("/"));
    }
}
