package io.switchboard.sandbox.graph;

/** Graph's error body, {@code {"error":{"code":"…","message":"…"}}}, which the Graph SDK reads into its exception. */
record GraphError(Detail error) {

    static GraphError of(String code, String message) {
        return new GraphError(new Detail(code, message));
    }

    record Detail(String code, String message) {
    }
}
