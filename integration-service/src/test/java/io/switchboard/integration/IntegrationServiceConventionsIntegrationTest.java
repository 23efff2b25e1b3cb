package io.switchboard.integration;

import io.switchboard.platform.test.ServiceConventionsContract;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

/** integration-service meets the conventions every service shares (health, metrics, API docs, security, schema, topics). */
@SwitchboardIntegrationTest
class IntegrationServiceConventionsIntegrationTest extends ServiceConventionsContract {
}
