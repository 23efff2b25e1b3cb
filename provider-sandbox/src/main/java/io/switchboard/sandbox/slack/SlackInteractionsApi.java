package io.switchboard.sandbox.slack;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Simulates people in Slack: {@code POST /sandbox/api/slack/interactions/press} clicks a message's button
 * (see {@link SlackInteractions}) and answers with the status, content type and body the app answered;
 * {@code POST /sandbox/api/slack/messages} writes a message as a workspace member
 * ({@code {"teamId","channelId","userId","text"}}).
 */
@RestController
class SlackInteractionsApi {

    private final SlackInteractions interactions;
    private final SlackWorkspaces workspaces;

    SlackInteractionsApi(SlackInteractions interactions, SlackWorkspaces workspaces) {
        this.interactions = interactions;
        this.workspaces = workspaces;
    }

    @PostMapping("/sandbox/api/slack/interactions/press")
    ResponseEntity<String> press(@RequestBody ButtonPress press) {
        InteractionDelivery delivery = interactions.press(press);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(delivery.status());
        if (delivery.contentType() != null) {
            answer.contentType(MediaType.parseMediaType(delivery.contentType()));
        }
        return answer.body(delivery.body());
    }

    @PostMapping("/sandbox/api/slack/messages")
    ResponseEntity<SlackMessage> postAsMember(@RequestBody MemberMessage body) {
        if (body == null || body.teamId() == null || body.channelId() == null || body.userId() == null
                || body.text() == null || body.text().isEmpty()) {
            return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "A message needs teamId, channelId, userId and text")).build();
        }
        SlackMessage message = workspaces.postAsMember(body.teamId(), body.channelId(), body.userId(), body.text());
        return ResponseEntity.created(URI.create("/sandbox/api/slack/messages?team=" + body.teamId() + "&channel="
                + body.channelId())).body(message);
    }

    record MemberMessage(String teamId, String channelId, String userId, String text) {
    }

    @ExceptionHandler(InteractionRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(InteractionRejectedException e) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(e.status(), e.getMessage())).build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> unknown(IllegalArgumentException e) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                e.getMessage())).build();
    }
}
