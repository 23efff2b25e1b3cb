package io.switchboard.integration.directory.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.Practice;
import io.switchboard.integration.directory.StaffUser;

/** The caller's practice and staff directory over HTTP. */
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
}
