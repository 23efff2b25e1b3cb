package io.switchboard.devstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class DemoUsersTest {

    private static final UUID HARBOUR = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID NORTHWIND = UUID.fromString("22222222-2222-4222-8222-222222222222");

    @Test
    void seedsTheUsersTheServicesDemoDataRefersTo() {
        DemoUsers users = DemoUsers.load();

        assertThat(users.all()).containsExactly(
                new DemoUser(UUID.fromString("a0000000-0000-4000-8000-000000000001"), "alex@harbour.example",
                        "Alex Harbour", DemoRole.PRACTICE_ADMIN, HARBOUR, "Harbour & Co Accountants"),
                new DemoUser(UUID.fromString("a0000000-0000-4000-8000-000000000002"), "sam@harbour.example",
                        "Sam Patel", DemoRole.STAFF, HARBOUR, "Harbour & Co Accountants"),
                new DemoUser(UUID.fromString("a0000000-0000-4000-8000-000000000003"), "jo@harbour.example",
                        "Jo Lee", DemoRole.STAFF, HARBOUR, "Harbour & Co Accountants"),
                new DemoUser(UUID.fromString("b0000000-0000-4000-8000-000000000001"), "nina@northwind.example",
                        "Nina Berg", DemoRole.PRACTICE_ADMIN, NORTHWIND, "Northwind Bookkeeping"));
    }

    @Test
    void findsAUserByTheirLoginIgnoringCase() {
        assertThat(DemoUsers.load().byEmail("Nina@Northwind.example")).map(DemoUser::name).contains("Nina Berg");
        assertThat(DemoUsers.load().byEmail("nobody@harbour.example")).isEmpty();
    }
}
