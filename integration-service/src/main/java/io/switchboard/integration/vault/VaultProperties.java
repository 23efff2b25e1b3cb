package io.switchboard.integration.vault;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The vault's data keys: {@code switchboard.vault.keys.<id>} (base64, 256 bits) and the id new secrets are
 * sealed with ({@code switchboard.vault.active-key}). Older keys stay listed so what they sealed still opens.
 */
@ConfigurationProperties("switchboard.vault")
public record VaultProperties(Map<String, String> keys, String activeKey) {

    public VaultProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** Key ids only: the key material never reaches a log line. */
    @Override
    public String toString() {
        return "VaultProperties[keys=" + keys.keySet() + ", activeKey=" + activeKey + "]";
    }
}
