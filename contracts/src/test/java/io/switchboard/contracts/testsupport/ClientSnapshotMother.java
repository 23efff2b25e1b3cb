package io.switchboard.contracts.testsupport;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.switchboard.contracts.register.ClientContact;
import io.switchboard.contracts.register.ClientKind;
import io.switchboard.contracts.register.ClientSnapshot;

/** Builds {@link ClientSnapshot} events. */
public final class ClientSnapshotMother {

    public static final UUID FAMILY_GROUP = UUID.fromString("5a7d2b1e-9c4f-4e6a-b2d8-000000000021");
    public static final UUID CONTACT = UUID.fromString("5a7d2b1e-9c4f-4e6a-b2d8-000000000022");

    private UUID practiceId = Ids.PRACTICE;
    private UUID clientId = Ids.CLIENT;
    private ClientKind kind = ClientKind.ENTITY;
    private String displayName = "Acme Pty Ltd";
    private String email = "accounts@acme.example.com";
    private UUID familyGroupId = FAMILY_GROUP;
    private List<ClientContact> contacts = List.of(
            new ClientContact(CONTACT, "Jo Citizen", "jo@acme.example.com", "Director"));
    private boolean active = true;
    private long version = 3;
    private Instant updatedAt = Ids.RECORDED;

    private ClientSnapshotMother() {
    }

    /** Acme, an entity in a family group, with its director Jo as contact. */
    public static ClientSnapshotMother acme() {
        return new ClientSnapshotMother();
    }

    /** A person with no email, no group and one contact with nothing but a name; archived. */
    public static ClientSnapshotMother minimal() {
        return new ClientSnapshotMother()
                .kind(ClientKind.PERSON)
                .displayName("Pat Smith")
                .email(null)
                .familyGroupId(null)
                .contacts(List.of(new ClientContact(CONTACT, "Pat's partner", null, null)))
                .active(false)
                .version(0);
    }

    public ClientSnapshotMother kind(ClientKind value) {
        this.kind = value;
        return this;
    }

    public ClientSnapshotMother displayName(String value) {
        this.displayName = value;
        return this;
    }

    public ClientSnapshotMother email(String value) {
        this.email = value;
        return this;
    }

    public ClientSnapshotMother familyGroupId(UUID value) {
        this.familyGroupId = value;
        return this;
    }

    public ClientSnapshotMother contacts(List<ClientContact> value) {
        this.contacts = value;
        return this;
    }

    public ClientSnapshotMother active(boolean value) {
        this.active = value;
        return this;
    }

    public ClientSnapshotMother version(long value) {
        this.version = value;
        return this;
    }

    public ClientSnapshot build() {
        return new ClientSnapshot(practiceId, clientId, kind, displayName, email, familyGroupId, contacts, active,
                version, updatedAt);
    }
}
