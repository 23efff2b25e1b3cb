package io.switchboard.integration.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the shared test context's vault a second key, {@link #KEY_ID}, that it can open but does not seal with:
 * the key a rotation test makes active in a vault of its own, without a second Spring context. Secrets re-sealed
 * under it stay readable through the service's normal read paths, as after a real rotation.
 */
public class RotationKeyInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The id of the key rotated to. */
    public static final String KEY_ID = "rotated-2";
    /** TEST ONLY: 32 random bytes, base64. */
    public static final String KEY = "VgtUjcCFaHW2SEQHGMhVx4/HrfNX4q4MOi3ekbyfp+I=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("switchboard.vault.keys." + KEY_ID + "=" + KEY).applyTo(context);
    }
}
