package io.switchboard.register.correspondence;

import java.util.List;

/** One page of entries, newest first, with the total matching the filters. */
public record EntryPage(List<EntrySummary> items, int page, int size, long total) {
}
