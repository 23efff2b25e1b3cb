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
    public static final UUID PIPELINE = UUID.fromString("a1b2c3d4-5e6f-4a7b-8c9d-000000000060");
    public static final UUID STAGE = UUID.fromString("a1b2c3d4-5e6f-4a7b-8c9d-000000000061");
    public static final UUID NEXT_STAGE = UUID.fromString("a1b2c3d4-5e6f-4a7b-8c9d-000000000062");
    public static final UUID JOB = UUID.fromString("b2c3d4e5-6f7a-4b8c-9d0e-000000000070");
    public static final UUID THREAD = UUID.fromString("c3d4e5f6-7a8b-4c9d-8e0f-000000000080");
    public static final UUID MESSAGE = UUID.fromString("c3d4e5f6-7a8b-4c9d-8e0f-000000000081");
    public static final UUID PORTAL_USER = UUID.fromString("d4e5f6a7-8b9c-4d0e-9f1a-000000000090");
    public static final String SOURCE_EVENT = "1f2e3d4c-5b6a-4978-8695-000000000050";

    public static final Instant OCCURRED = Instant.parse("2026-03-02T09:41:00Z");
    public static final Instant RECORDED = Instant.parse("2026-03-02T09:45:12.345678Z");
    public static final Instant REQUESTED = Instant.parse("2026-03-02T09:45:13.001Z");
    public static final Instant COMPLETED = Instant.parse("2026-03-02T09:45:13.412Z");

    private Ids() {
    }
}
