package io.switchboard.devstack;

/**
 * The launcher's command line.
 *
 * @param help        print the usage and stop
 * @param fresh       delete the data directory first: an empty database, broker and key
 * @param onlyInfra   start PostgreSQL, Kafka, the identity server and the sandbox, but no service
 * @param parallelism how many services may boot at once; all of them by default, which on a two-core
 *                    machine still came up about 20% sooner than two at a time (their boot is CPU-bound
 *                    but also waits on the database, the broker and health polls)
 */
public record DevStackOptions(boolean help, boolean fresh, boolean onlyInfra, int parallelism) {

    public static final String USAGE = """
            Usage: ./devstack.sh [--fresh] [--only=infra] [--parallel=N] [--no-build] [--help]

            Builds Switchboard and starts it locally: PostgreSQL (15432), Kafka (9092), the OIDC issuer (9000),
            the provider sandbox (8090, SMTP 3025), every service (8081-8085) and the gateway (8080).
            Data lives in .devstack/ and survives restarts; logs are in .devstack/logs/. Ctrl-C stops everything.

              --fresh        delete .devstack/ first (empty database and topics, new signing key)
              --only=infra   PostgreSQL, Kafka, identity server and sandbox only, to run a service from the IDE
              --parallel=N   boot at most N services at once (default: all; lower it if boots time out)
              --no-build     (devstack.sh only) skip the Maven build and start what was built last
              --help         this text
            """;

    public DevStackOptions {
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1");
        }
    }

    /** The options in {@code args}; an unknown or malformed one is an {@link IllegalArgumentException}. */
    public static DevStackOptions parse(String... args) {
        boolean help = false;
        boolean fresh = false;
        boolean onlyInfra = false;
        int parallelism = Integer.MAX_VALUE;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.equals("--only=infra")) {
                onlyInfra = true;
            } else if (arg.startsWith("--only=")) {
                throw new IllegalArgumentException(
                        "unknown --only value '" + arg.substring(7) + "': only --only=infra exists");
            } else if (arg.startsWith("--parallel=")) {
                try {
                    parallelism = Integer.parseInt(arg.substring("--parallel=".length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--parallel needs a number, not '" + arg.substring(11) + "'");
                }
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new DevStackOptions(help, fresh, onlyInfra, parallelism);
    }
}
