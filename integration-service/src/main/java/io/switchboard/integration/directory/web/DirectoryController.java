package io.switchboard.integration.directory.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.contracts.directory.Role;
import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.Practice;
import io.switchboard.integration.directory.StaffUser;
import io.switchboard.platform.security.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The caller's practice and staff directory over HTTP; practice admins change it. */
@RestController
class DirectoryController {

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/practice")
    @Operation(summary = "The caller's practice")
    Practice practice() {
        return directory.practice();
    }

    @GetMapping("/directory/users")
    @Operation(summary = "The practice's staff, by name")
    List<StaffUser> users() {
        return directory.users();
    }

    @PostMapping("/directory/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Add a staff user (practice admins)")
    StaffUser add(@Valid @RequestBody NewStaffUser body) {
        return directory.add(Tenant.current().practiceId(), body.id(), body.email(), body.displayName(), body.role());
    }

    @PatchMapping("/directory/users/{userId}")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Change a staff user's email, name or role (practice admins)")
    StaffUser update(@PathVariable UUID userId, @Valid @RequestBody StaffUserChange body) {
        return directory.update(Tenant.current().practiceId(), userId, body.email(), body.displayName(), body.role());
    }

    @PostMapping("/directory/users/{userId}/deactivate")
    @PreAuthorize("hasRole('PRACTICE_ADMIN')")
    @Operation(summary = "Deactivate a staff user (practice admins)")
    StaffUser deactivate(@PathVariable UUID userId) {
        return directory.deactivate(Tenant.current().practiceId(), userId);
    }

    /** A new staff user; {@code id} is the identity provider's user id when it exists already. */
    record NewStaffUser(UUID id, @NotBlank @Email @Size(max = 320) String email,
                        @NotBlank @Size(max = 200) String displayName, @NotNull Role role) {
    }

    /** Fields to change; absent ones stay. */
    record StaffUserChange(@Email @Size(max = 320) String email,
                           @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                           String displayName,
                           Role role) {
    }
}
