package io.switchboard.register.clients.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.register.PracticeStaff;
import io.switchboard.register.clients.FamilyGroup;
import io.switchboard.register.clients.FamilyGroupChanges;
import io.switchboard.register.clients.FamilyGroups;
import jakarta.validation.Valid;

/** Family (client) groups over HTTP. */
@RestController
@PreAuthorize(PracticeStaff.ONLY)
class FamilyGroupController {

    private final FamilyGroups groups;

    FamilyGroupController(FamilyGroups groups) {
        this.groups = groups;
    }

    @GetMapping("/family-groups")
    @Operation(summary = "The practice's family groups, by name")
    List<FamilyGroup> list() {
        return groups.list();
    }

    @PostMapping("/family-groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a family group; its name must be unique in the practice (409 otherwise)")
    FamilyGroup create(@Valid @RequestBody FamilyGroupChanges group) {
        return groups.create(group);
    }

    @GetMapping("/family-groups/{id}")
    @Operation(summary = "A family group with its clients")
    FamilyGroup get(@PathVariable UUID id) {
        return groups.get(id);
    }

    @PutMapping("/family-groups/{id}")
    @Operation(summary = "Rename a family group (409 when the name is taken)")
    FamilyGroup rename(@PathVariable UUID id, @Valid @RequestBody FamilyGroupChanges group) {
        return groups.rename(id, group);
    }

    @DeleteMapping("/family-groups/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a family group; its clients stay, ungrouped")
    void delete(@PathVariable UUID id) {
        groups.delete(id);
    }
}
