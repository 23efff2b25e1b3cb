package io.switchboard.integration.settings;

/**
 * Why a saved setting may not deliver what the admin expects; {@code code} is a
 * {@link io.switchboard.contracts.notification.DeliveryReason} name, the status entries that hit it will show.
 */
public record SettingWarning(String code, String message) {
}
