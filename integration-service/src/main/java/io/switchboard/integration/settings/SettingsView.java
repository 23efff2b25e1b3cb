package io.switchboard.integration.settings;

import java.util.List;

import io.switchboard.contracts.integration.Provider;

/** A practice's notification settings: the published version, connected providers and every configured pair. */
public record SettingsView(long version, List<Provider> connectedProviders, List<SettingView> settings) {
}
