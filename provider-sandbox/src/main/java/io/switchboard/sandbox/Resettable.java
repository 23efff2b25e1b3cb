package io.switchboard.sandbox;

/**
 * State the sandbox holds between requests (recordings, mail, provider state, limiter buckets), cleared
 * together so each test starts from nothing.
 */
public interface Resettable {

    void reset();
}
