package io.switchboard.sandbox.support;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.sandbox.microsoft.MicrosoftTenantSeed;

/**
 * Microsoft tenants for tests: a practice's tenant with an admin and two staff, a "Practice" team with two
 * channels, six more teams Sam belongs to (seven joined teams, more than a page), and Switchboard's app
 * registration, not yet consented to.
 */
public final class MicrosoftTenantMother {

    public static final String ACME_TENANT_ID = "6b1f0a4e-2c55-4f38-9a4c-acme00000001";
    public static final String ACME_DOMAIN = "acme-accounting.test";
    public static final String ADA_ID = "a0000000-0000-4000-8000-00000000ada1";
    public static final String ADA_UPN = "ada@acme-accounting.test";
    public static final String SAM_ID = "a0000000-0000-4000-8000-00000000sa31";
    public static final String SAM_UPN = "sam@acme-accounting.test";
    public static final String BEA_ID = "a0000000-0000-4000-8000-00000000bea1";
    public static final String BEA_UPN = "bea@acme-accounting.test";
    public static final String BEA_MAIL = "bea.books@acme-accounting.test";
    public static final String PRACTICE_TEAM_ID = "e0000000-0000-4000-8000-0000practice";
    public static final String GENERAL_CHANNEL_ID = "19:general0000000000000000000000@thread.tacv2";
    public static final String FRONT_DESK_CHANNEL_ID = "19:frontdesk000000000000000000000@thread.tacv2";
    public static final String PARTNERS_TEAM_ID = "e0000000-0000-4000-8000-0000partners";
    public static final int SAMS_TEAM_COUNT = 7;

    public static final String CLIENT_ID = "c0ffee00-1111-4222-8333-5w1tchb0ard1";
    public static final String CLIENT_SECRET = "Swb8Q~client.secret.value.0123456789abcdef";
    public static final String REDIRECT_URI = "https://app.test/microsoft/callback";
    public static final String ADMIN_REDIRECT_URI = "https://app.test/microsoft/admin-consent";

    public static final String OTHER_TENANT_ID = "9c2e7d11-0000-4000-8000-0ther0000001";
    public static final String OTTO_UPN = "otto@other-practice.test";

    private MicrosoftTenantMother() {
    }

    public static MicrosoftTenantSeed acme() {
        List<MicrosoftTenantSeed.Team> teams = new ArrayList<>();
        teams.add(new MicrosoftTenantSeed.Team(PRACTICE_TEAM_ID, "Practice", List.of(ADA_ID, SAM_ID, BEA_ID), List.of(
                new MicrosoftTenantSeed.Channel(GENERAL_CHANNEL_ID, "General"),
                new MicrosoftTenantSeed.Channel(FRONT_DESK_CHANNEL_ID, "Front desk"))));
        teams.add(new MicrosoftTenantSeed.Team(PARTNERS_TEAM_ID, "Partners", List.of(ADA_ID), List.of(
                new MicrosoftTenantSeed.Channel("19:partners00000000000000000000@thread.tacv2", "General"))));
        for (int i = 2; i <= SAMS_TEAM_COUNT; i++) {
            teams.add(new MicrosoftTenantSeed.Team("e0000000-0000-4000-8000-00000000000" + i, "Client group " + i,
                    List.of(SAM_ID), List.of(new MicrosoftTenantSeed.Channel("19:group" + i + "general@thread.tacv2", "General"))));
        }
        return new MicrosoftTenantSeed(ACME_TENANT_ID, ACME_DOMAIN, "Acme Accounting",
                List.of(MicrosoftTenantSeed.User.admin(ADA_ID, ADA_UPN, "Ada Admin"),
                        MicrosoftTenantSeed.User.member(SAM_ID, SAM_UPN, "Sam Staff"),
                        new MicrosoftTenantSeed.User(BEA_ID, BEA_UPN, BEA_MAIL, "Bea Books", false)),
                teams,
                List.of(switchboardApp(false)));
    }

    /** The tenant with the admin's consent to Switchboard given already. */
    public static MicrosoftTenantSeed acmeConsented() {
        MicrosoftTenantSeed seed = acme();
        return new MicrosoftTenantSeed(seed.tenantId(), seed.domain(), seed.displayName(), seed.users(), seed.teams(),
                List.of(switchboardApp(true)));
    }

    /** Another practice's tenant, with one user and no teams. */
    public static MicrosoftTenantSeed other() {
        return new MicrosoftTenantSeed(OTHER_TENANT_ID, "other-practice.test", null,
                List.of(MicrosoftTenantSeed.User.admin("b0000000-0000-4000-8000-0000000otto1", OTTO_UPN, "Otto Other")),
                List.of(), List.of(switchboardApp(true)));
    }

    public static MicrosoftTenantSeed.App switchboardApp(boolean adminConsented) {
        return new MicrosoftTenantSeed.App(CLIENT_ID, CLIENT_SECRET, "Switchboard", List.of(REDIRECT_URI, ADMIN_REDIRECT_URI),
                adminConsented);
    }
}
