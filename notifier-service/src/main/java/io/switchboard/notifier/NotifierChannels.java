package io.switchboard.notifier;

import org.springframework.stereotype.Component;

/** Which parts this instance runs, for listeners' {@code autoStartup} and the drainer. */
@Component("notifierChannels")
public class NotifierChannels {

    private final NotifierProperties properties;

    public NotifierChannels(NotifierProperties properties) {
        this.properties = properties;
    }

    public boolean router() {
        return properties.runs("router");
    }

    public boolean slack() {
        return properties.runs("slack");
    }

    public boolean teams() {
        return properties.runs("teams");
    }

    public boolean email() {
        return properties.runs("email");
    }

    public boolean inapp() {
        return properties.runs("inapp");
    }
}
