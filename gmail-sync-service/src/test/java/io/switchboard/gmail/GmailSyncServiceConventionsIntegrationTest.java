package io.switchboard.gmail;

import io.switchboard.platform.test.ServiceConventionsContract;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

/** gmail-sync-service meets the conventions every service shares (health, metrics, API docs, security, schema, topics). */
@SwitchboardIntegrationTest
class GmailSyncServiceConventionsIntegrationTest extends ServiceConventionsContract {
}
