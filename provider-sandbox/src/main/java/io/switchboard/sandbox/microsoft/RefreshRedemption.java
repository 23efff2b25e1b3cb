package io.switchboard.sandbox.microsoft;

/** The result of presenting a refresh token: redeemed (it is spent, a new one replaces it) or why not. */
public record RefreshRedemption(Outcome outcome, MicrosoftGrant grant) {

    public enum Outcome {
        REDEEMED, UNKNOWN, ALREADY_USED, REVOKED, EXPIRED, OTHER_CLIENT
    }

    static RefreshRedemption refused(Outcome outcome) {
        return new RefreshRedemption(outcome, null);
    }
}
