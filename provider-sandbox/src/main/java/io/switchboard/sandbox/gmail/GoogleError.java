package io.switchboard.sandbox.gmail;

import java.util.List;

/**
 * Google's JSON error body, {@code {"error":{"code":429,"message":…,"status":…,"errors":[{"reason":…}]}}},
 * which the Google API client reads into {@code GoogleJsonResponseException}.
 */
record GoogleError(Detail error) {

    static GoogleError of(int code, String status, String reason, String message) {
        return new GoogleError(new Detail(code, message, status, List.of(new Reason(message, "global", reason))));
    }

    record Detail(int code, String message, String status, List<Reason> errors) {
    }

    record Reason(String message, String domain, String reason) {
    }
}
