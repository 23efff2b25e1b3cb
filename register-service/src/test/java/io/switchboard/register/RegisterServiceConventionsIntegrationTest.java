package io.switchboard.register;

import io.switchboard.platform.test.ServiceConventionsContract;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

/** register-service meets the conventions every service shares (health, metrics, API docs, security, schema, topics). */
@SwitchboardIntegrationTest
class RegisterServiceConventionsIntegrationTest extends ServiceConventionsContract {
}
