package io.switchboard.workflow.pipelines;

import java.util.UUID;

/**
 * One stage of a pipeline.
 *
 * @param automation {@code null} when entering the stage sends nothing
 */
public record Stage(UUID id, UUID pipelineId, String name, int position, boolean automove,
                    StageAutomation automation) {
}
