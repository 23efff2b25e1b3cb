package io.switchboard.notifier;

import io.switchboard.platform.test.ServiceConventionsContract;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

/** notifier-service meets the conventions every service shares (health, metrics, API docs, security, schema, topics). */
@SwitchboardIntegrationTest
class NotifierServiceConventionsIntegrationTest extends ServiceConventionsContract {
}
