package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The violations the isolation matrix and the hostile-input suite have found and the services have not
 * fixed yet, by case name, each with the reason it is wrong. A listed case must still fail: when a fix
 * makes it pass, its test fails until the entry is removed. Everything else must pass. Every case's
 * violations, listed or not, are printed as one list at the end of each suite.
 */
final class KnownViolations {

    static final String MATRIX = "isolation matrix";
    static final String HOSTILE = "hostile input";

    /** One known violation: the suite, the case (its dynamic test's display name) and why it is wrong. */
    record Known(String suite, String caseName, String reason) {
    }

    private static final String NUL = "a NUL (U+0000) in text reaches PostgreSQL, which refuses it"
            + " (invalid byte sequence for encoding UTF8: 0x00); DataIntegrityViolationException → 500 instead of 400";
    private static final String NUL_500_REGISTER = "register-service: " + NUL;
    private static final String NUL_500_INTEGRATION = "integration-service: " + NUL;
    private static final String NUL_500_WORKFLOW = "workflow-service: " + NUL;
    private static final String WORKFLOW_UNKNOWN_CLIENT = "workflow-service does not know which clients exist"
            + " (it consumes no register.client.v1), so another practice's client id is not 404; A's data is"
            + " neither shown nor changed (checked): ";

    private static final String CALLBACK_UNDOCUMENTED = "@Operation(security = {}) does not reach the published"
            + " document: the OAuth return shows no security property and so inherits bearer auth (doc only; the"
            + " gateway lets it through)";

    static final List<Known> KNOWN = List.of(
            new Known(MATRIX, "GET /api/integrations/connections/gmail/callback — public: documented security: [] and no 401 without a token",
                    CALLBACK_UNDOCUMENTED),
            new Known(MATRIX, "GET /api/integrations/connections/slack/callback — public: documented security: [] and no 401 without a token",
                    CALLBACK_UNDOCUMENTED),
            new Known(MATRIX, "GET /api/integrations/connections/teams/callback — public: documented security: [] and no 401 without a token",
                    CALLBACK_UNDOCUMENTED),
            new Known(MATRIX, "GET /api/integrations/connections/teams/consent-callback — public: documented security: [] and no 401 without a token",
                    CALLBACK_UNDOCUMENTED),
            new Known(MATRIX, "GET /api/integrations/connections — 403 problem+json for a client's portal token",
                    "integration-service answers a CLIENT token 200 (its read endpoints have no role check): a client's portal user reads the practice's provider connections (Slack team, who connected it)"),
            new Known(MATRIX, "GET /api/integrations/connections/slack/channels — 403 problem+json for a client's portal token",
                    "integration-service answers a CLIENT token 200 (its read endpoints have no role check): a client's portal user reads the practice's Slack channel list"),
            new Known(MATRIX, "GET /api/integrations/connections/teams/channels — 403 problem+json for a client's portal token",
                    "integration-service answers a CLIENT token 200 (its read endpoints have no role check): a client's portal user reads the practice's Teams channel list"),
            new Known(MATRIX, "GET /api/integrations/directory/users — 403 problem+json for a client's portal token",
                    "integration-service answers a CLIENT token 200 (its read endpoints have no role check): a client's portal user reads the staff directory: names, emails, roles, Slack ids"),
            new Known(MATRIX, "GET /api/integrations/practice — 403 problem+json for a client's portal token",
                    "integration-service answers a CLIENT token 200 (its read endpoints have no role check): a client's portal user reads the practice record"),
            new Known(MATRIX, "GET /api/integrations/settings — 403 problem+json for a client's portal token",
                    "integration-service answers a CLIENT token 200 (its read endpoints have no role check): a client's portal user reads the practice's notification defaults"),
            new Known(MATRIX, "GET /api/workflow/clients/{clientId}/points-of-contact — 404 problem+json for another practice, its object unchanged",
                    WORKFLOW_UNKNOWN_CLIENT + "200 with practice B's own empty overrides"),
            new Known(MATRIX, "PUT /api/workflow/clients/{clientId}/points-of-contact — 404 problem+json for another practice, its object unchanged",
                    WORKFLOW_UNKNOWN_CLIENT + "200: practice B stores an override under practice A's client id"),
            new Known(MATRIX, "GET /api/workflow/clients/{clientId}/portal-users — 404 problem+json for another practice, its object unchanged",
                    WORKFLOW_UNKNOWN_CLIENT + "200 with practice B's own empty list"),
            new Known(MATRIX, "POST /api/workflow/clients/{clientId}/portal-users — 404 problem+json for another practice, its object unchanged",
                    WORKFLOW_UNKNOWN_CLIENT + "201: practice B registers a portal user for practice A's client id"),
            new Known(HOSTILE, "POST /api/register/entries/{id}/shares — smallest valid body per schema — not refused as invalid (400), never 5xx",
                    "ShareRequest.targets is documented minItems 0, but an empty list is refused 400 \"must not be empty\""),
            new Known(HOSTILE, "POST /api/workflow/pipelines — smallest valid body per schema — not refused as invalid (400), never 5xx",
                    "NewPipeline.stages is documented minItems 0, but an empty list is refused 400 \"must not be empty\""),
            new Known(HOSTILE, "POST /api/workflow/pipelines/{id}/stages — smallest valid body per schema — not refused as invalid (400), never 5xx",
                    "StageChanges.automove is a primitive the schema does not mark required: a body without it is refused 400"),
            new Known(HOSTILE, "PUT /api/workflow/pipelines/{id}/stages/{stageId} — smallest valid body per schema — not refused as invalid (400), never 5xx",
                    "StageChanges.automove is a primitive the schema does not mark required: a body without it is refused 400"),
            new Known(HOSTILE, "POST /api/integrations/directory/users — NUL in displayName — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_INTEGRATION),
            new Known(HOSTILE, "POST /api/register/clients — NUL in displayName — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/register/clients/{id}/contacts — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/register/clients/{id}/contacts — NUL in position — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/register/entries — NUL in callerName — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/register/family-groups — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/register/templates — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/register/templates — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/register/templates — NUL in subject — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "POST /api/workflow/clients/{clientId}/portal-users — NUL in displayName — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/jobs — NUL in clientName — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/jobs — NUL in title — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/jobs/{id}/comments — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/message-templates — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/message-templates — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/message-templates — NUL in subject — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/pipelines — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/portal/tasks/{id}/comments — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/portal/threads/{id}/messages — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/tasks — NUL in description — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/tasks — NUL in title — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/tasks/{id}/comments — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/threads — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/threads — NUL in subject — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "POST /api/workflow/threads/{id}/messages — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "PUT /api/register/clients/{id} — NUL in displayName — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "PUT /api/register/clients/{id}/contacts/{contactId} — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "PUT /api/register/clients/{id}/contacts/{contactId} — NUL in position — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "PUT /api/register/family-groups/{id} — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "PUT /api/register/templates/{id} — NUL in body — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "PUT /api/register/templates/{id} — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "PUT /api/register/templates/{id} — NUL in subject — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_REGISTER),
            new Known(HOSTILE, "PUT /api/workflow/pipelines/{id} — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW),
            new Known(HOSTILE, "PUT /api/workflow/pipelines/{id}/stages/{stageId} — NUL in name — a 4xx problem+json storing nothing, or stored byte for byte; never 5xx",
                    NUL_500_WORKFLOW));

    private static final Map<String, String> LIST = KNOWN.stream()
            .collect(Collectors.toMap(k -> k.suite() + "|" + k.caseName(), Known::reason));

    private static final Map<String, Map<String, List<String>>> FOUND = new ConcurrentHashMap<>();

    private KnownViolations() {
    }

    /** Records the case's violations and passes or fails it against the list. */
    static void settle(String suite, String caseName, List<String> violations) {
        FOUND.computeIfAbsent(suite, s -> new ConcurrentHashMap<>()).put(caseName, List.copyOf(violations));
        String known = LIST.get(suite + "|" + caseName);
        if (violations.isEmpty() && known != null) {
            fail("Listed in KnownViolations (" + known + ") but no longer violated: remove the entry.");
        }
        if (!violations.isEmpty() && known == null) {
            fail(String.join("\n", violations));
        }
    }

    /** Prints every violation of the suite as one list; fails with the ones not listed. */
    static void summarise(String suite, Set<String> caseNames) {
        Map<String, List<String>> found = new TreeMap<>(FOUND.getOrDefault(suite, Map.of()));
        List<String> unexpected = new ArrayList<>();
        StringBuilder report = new StringBuilder("[" + suite + "] violations:\n");
        found.forEach((name, violations) -> {
            if (!violations.isEmpty()) {
                String known = LIST.get(suite + "|" + name);
                report.append(known != null ? "  KNOWN " : "  NEW   ").append(name).append('\n');
                violations.forEach(v -> report.append("        ").append(v.replace("\n", "\n        ")).append('\n'));
                if (known == null) {
                    unexpected.add(name);
                }
            }
        });
        System.out.println(report);
        List<String> stale = KNOWN.stream().filter(k -> k.suite().equals(suite) && !caseNames.contains(k.caseName()))
                .map(Known::caseName).sorted().toList();
        if (!unexpected.isEmpty() || !stale.isEmpty()) {
            fail("Unexpected violations:\n  " + String.join("\n  ", unexpected)
                    + (stale.isEmpty() ? "" : "\nKnownViolations entries that match no case (remove them):\n  "
                    + String.join("\n  ", stale)));
        }
    }
}
