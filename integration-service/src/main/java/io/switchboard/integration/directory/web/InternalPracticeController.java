package io.switchboard.integration.directory.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.integration.directory.Directory;
import io.switchboard.integration.directory.Practice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Creating practices: a platform operation for services and operators (scope {@code internal}), never a practice user's. */
@RestController
class InternalPracticeController {

    private final Directory directory;

    InternalPracticeController(Directory directory) {
        this.directory = directory;
    }

    @PostMapping("/internal/practices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a practice (scope internal)")
    Practice create(@Valid @RequestBody NewPractice body) {
        return directory.createPractice(body.id() == null ? UUID.randomUUID() : body.id(), body.name().strip());
    }

    record NewPractice(UUID id, @NotBlank @Size(max = 200) String name) {
    }
}
