package io.switchboard.integration.settings.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.contracts.common.ChatProvider;
import io.switchboard.contracts.integration.DeliveryMode;
import io.switchboard.contracts.integration.Tool;
import io.switchboard.contracts.integration.Trigger;
import io.switchboard.integration.settings.NotificationSettings;
import io.switchboard.integration.settings.SettingView;
import io.switchboard.integration.settings.SettingsView;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The practice's notification defaults over HTTP; practice admins change them. */
@RestController
class SettingsController {

    private final NotificationSettings settings;

    SettingsController(NotificationSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings")
    @Operation(summary = "The practice's notification defaults, with warnings for those that would send nothing")
    SettingsView settings() {
        return settings.settings(Tenant.current().practiceId());
    }

    @PutMapping("/settings/{tool}/{trigger}")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Set the default for one tool and trigger (practice admins)")
    SettingView save(@PathVariable Tool tool, @PathVariable Trigger trigger, @Valid @RequestBody SettingChange body) {
        Tenant tenant = Tenant.current();
        return settings.save(tenant.practiceId(), tenant.userId(), tool, trigger, body.deliveryMode(),
                body.defaultProvider(), body.teamId(), body.channelId());
    }

    /**
     * A new default: the register's delivery mode ({@code EMAIL_ONLY} when absent), the chat provider and
     * a channel id from the practice's refreshed channel list (none: no default channel); a Teams channel
     * names its team too.
     */
    record SettingChange(DeliveryMode deliveryMode, ChatProvider defaultProvider, @Size(max = 200) String teamId,
                         @Size(max = 200) String channelId) {
    }
}
