package io.switchboard.register.clients.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.register.clients.ClientSummary;
import io.switchboard.register.clients.Clients;
import jakarta.validation.constraints.Size;

/** The practice's clients over HTTP. */
@RestController
class ClientController {

    private final Clients clients;

    ClientController(Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/clients")
    @Operation(summary = "Search the practice's clients by name or email (at most 200, by name)")
    List<ClientSummary> search(@RequestParam(name = "q", required = false) @Size(max = 200) String query) {
        return clients.search(query);
    }
}
