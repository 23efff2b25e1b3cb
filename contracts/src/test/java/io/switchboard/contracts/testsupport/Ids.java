package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.UUID;

/** Fixed ids and instants the Mothers share, so samples are stable and readable in failures. */
public final class Ids {

    public static final UUID PRACTICE = UUID.fromString("0b5f3c8e-1d2a-4c6e-9f10-000000000001");
    public static final UUID ENTRY = UUID.fromString("3e1c9a4d-7b2f-4d8e-a1c3-000000000010");
    public static final UUID CLIENT = UUID.fromString("5a7d2b1e-9c4f-4e6a-b2d8-000000000020");
    public static final UUID SAM = UUID.fromString("8c2e4f6a-1b3d-4a5c-9e7f-000000000030");
    public static final UUID ALEX = UUID.fromString("8c2e4f6a-1b3d-4a5c-9e7f-000000000031");
    public static final UUID ADMIN = UUID.fromString("8c2e4f6a-1b3d-4a5c-9e7f-000000000032");
    public static final UUID NOTIFICATION = UUID.fromString("9d4b6e8f-2c1a-3e5d-8f7a-000000000040");
    public static final String SOURCE_EVENT = "1f2e3d4c-5b6a-4978-8695-000000000050";

    public static final Instant OCCURRED = Instant.parse("2026-03-02T09:41:00Z");
    public static final Instant RECORDED = Instant.parse("2026-03-02T09:45:12.345678Z");
    public static final Instant REQUESTED = Instant.parse("2026-03-02T09:45:13.001Z");
    public static final Instant COMPLETED = Instant.parse("2026-03-02T09:45:13.412Z");

    private Ids() {
    }
}
