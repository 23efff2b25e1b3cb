package io.switchboard.register.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.switchboard.platform.test.Api;

/** Client request bodies, and clients created through the API for tests that need one. */
public final class ClientMother {

    private ClientMother() {
    }

    public static Map<String, Object> person(String name, String email) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("kind", "PERSON");
        client.put("displayName", name);
        client.put("email", email);
        client.put("phone", "+61 400 000 000");
        return client;
    }

    public static Map<String, Object> inGroup(Map<String, Object> client, UUID familyGroupId) {
        Map<String, Object> copy = new LinkedHashMap<>(client);
        copy.put("familyGroupId", familyGroupId);
        return copy;
    }

    /** A client created through the API; its id. */
    public static UUID create(Api api, String token, Map<String, Object> client) {
        Api.Response response = api.post("/clients", token, client);
        if (response.status() != 201) {
            throw new IllegalStateException("could not create client: " + response.status() + " " + response.body());
        }
        return UUID.fromString(response.json().get("id").asText());
    }

    public static UUID createPerson(Api api, String token, String name) {
        return create(api, token, person(name, name.toLowerCase().replace(' ', '.') + "@client.example"));
    }

    /** A family group created through the API; its id. */
    public static UUID createGroup(Api api, String token, String name) {
        Api.Response response = api.post("/family-groups", token, Map.of("name", name));
        if (response.status() != 201) {
            throw new IllegalStateException("could not create group: " + response.status() + " " + response.body());
        }
        return UUID.fromString(response.json().get("id").asText());
    }
}
