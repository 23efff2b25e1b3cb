package io.switchboard.workflow;

import io.switchboard.platform.test.ServiceConventionsContract;
import io.switchboard.platform.test.SwitchboardIntegrationTest;

/** workflow-service meets the conventions every service shares (health, metrics, API docs, security, schema, topics). */
@SwitchboardIntegrationTest
class WorkflowServiceConventionsIntegrationTest extends ServiceConventionsContract {
}
