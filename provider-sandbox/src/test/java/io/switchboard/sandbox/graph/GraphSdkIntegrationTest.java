package io.switchboard.sandbox.graph;

import static io.switchboard.sandbox.support.MicrosoftTenantMother.ACME_TENANT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.ADA_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.BEA_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.BEA_MAIL;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.BEA_UPN;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.CLIENT_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.FRONT_DESK_CHANNEL_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.GENERAL_CHANNEL_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.PARTNERS_TEAM_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.PRACTICE_TEAM_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.SAMS_TEAM_COUNT;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.SAM_ID;
import static io.switchboard.sandbox.support.MicrosoftTenantMother.SAM_UPN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.ChannelCollectionResponse;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ChatMessageAttachment;
import com.microsoft.graph.models.ChatMessageMention;
import com.microsoft.graph.models.ChatMessageMentionedIdentitySet;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Team;
import com.microsoft.graph.models.TeamCollectionResponse;
import com.microsoft.graph.models.TeamworkUserIdentity;
import com.microsoft.graph.models.TeamworkUserIdentityType;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.switchboard.sandbox.ProviderSandbox;
import io.switchboard.sandbox.microsoft.TeamsMessage;
import io.switchboard.sandbox.ratelimit.RateLimit;
import io.switchboard.sandbox.recording.RecordedRequest;
import io.switchboard.sandbox.support.GraphClients;
import io.switchboard.sandbox.support.MicrosoftOAuthClient;
import io.switchboard.sandbox.support.MicrosoftTenantMother;

/** Graph at {@code /v1.0}, driven through the real {@code microsoft-graph} SDK with a token from the sandbox's identity endpoints. */
class GraphSdkIntegrationTest {

    private static final ProviderSandbox sandbox = ProviderSandbox.shared();

    private String samToken;
    private GraphServiceClient graph;

    @BeforeEach
    void signInSam() {
        sandbox.reset();
        sandbox.microsoft().seed(MicrosoftTenantMother.acmeConsented());
        samToken = new MicrosoftOAuthClient(sandbox).signIn(SAM_UPN).get("access_token").asString();
        graph = GraphClients.withoutRetries(sandbox, samToken);
    }

    @Test
    void readsTheSignedInUser() {
        User me = graph.me().get();

        assertThat(me.getId()).isEqualTo(SAM_ID);
        assertThat(me.getUserPrincipalName()).isEqualTo(SAM_UPN);
        assertThat(me.getDisplayName()).isEqualTo("Sam Staff");
    }

    @Test
    void listsJoinedTeamsAcrossPagesByFollowingNextLink() throws Exception {
        TeamCollectionResponse firstPage = graph.me().joinedTeams().get();
        List<Team> all = new ArrayList<>();
        PageIterator<Team, TeamCollectionResponse> pages = new PageIterator.Builder<Team, TeamCollectionResponse>()
                .client(graph)
                .collectionPage(firstPage)
                .collectionPageFactory(TeamCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(team -> all.add(team))
                .build();
        pages.iterate();

        assertThat(firstPage.getValue()).hasSize(5);
        assertThat(firstPage.getOdataNextLink()).startsWith(sandbox.graphBaseUrl() + "/me/joinedTeams?");
        assertThat(all).extracting(Team::getId).hasSize(SAMS_TEAM_COUNT).doesNotHaveDuplicates()
                .contains(PRACTICE_TEAM_ID).doesNotContain(PARTNERS_TEAM_ID);
        assertThat(all.get(0).getDisplayName()).isEqualTo("Practice");
    }

    @Test
    void honoursTopAsThePageSize() {
        TeamCollectionResponse page = graph.me().joinedTeams().get(request -> request.queryParameters.top = 2);
        TeamCollectionResponse next = graph.me().joinedTeams().withUrl(page.getOdataNextLink()).get();

        assertThat(page.getValue()).hasSize(2);
        assertThat(next.getValue()).hasSize(2);
        assertThat(next.getValue().get(0).getId()).isNotEqualTo(page.getValue().get(0).getId());
    }

    @Test
    void listsTheChannelsOfATeamTheUserBelongsTo() {
        ChannelCollectionResponse channels = graph.teams().byTeamId(PRACTICE_TEAM_ID).channels().get();

        assertThat(channels.getValue()).extracting(Channel::getId).containsExactly(GENERAL_CHANNEL_ID, FRONT_DESK_CHANNEL_ID);
        assertThat(channels.getValue()).extracting(Channel::getDisplayName).containsExactly("General", "Front desk");
        assertThat(channels.getOdataNextLink()).isNull();
    }

    @Test
    void refusesTheChannelsOfATeamTheUserIsNotIn() {
        ODataError error = catchThrowableOfType(ODataError.class,
                () -> graph.teams().byTeamId(PARTNERS_TEAM_ID).channels().get());

        assertThat(error.getResponseStatusCode()).isEqualTo(403);
    }

    @Test
    void looksUpAUserByIdUserPrincipalNameOrMail() {
        assertThat(graph.users().byUserId(BEA_ID).get().getUserPrincipalName()).isEqualTo(BEA_UPN);
        assertThat(graph.users().byUserId(BEA_UPN).get().getId()).isEqualTo(BEA_ID);
        assertThat(graph.users().byUserId(BEA_MAIL).get().getMail()).isEqualTo(BEA_MAIL);
    }

    @Test
    void anUnknownUserIs404RequestResourceNotFound() {
        ODataError error = catchThrowableOfType(ODataError.class,
                () -> graph.users().byUserId("nobody@acme-accounting.test").get());

        assertThat(error.getResponseStatusCode()).isEqualTo(404);
        assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void postsAnHtmlChannelMessageWithRealMentions() {
        Instant before = Instant.now().minusMillis(1);
        ChatMessage message = html("<p>Phone message for <at id=\"0\">Sam Staff</at>, cc <at id=\"1\">Ada Admin</at></p>");
        message.setMentions(List.of(mention(0, "Sam Staff", SAM_ID), mention(1, "Ada Admin", ADA_ID)));

        ChatMessage created = graph.teams().byTeamId(PRACTICE_TEAM_ID).channels().byChannelId(FRONT_DESK_CHANNEL_ID)
                .messages().post(message);

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getCreatedDateTime()).isNotNull();
        assertThat(created.getWebUrl()).startsWith("https://teams.microsoft.com/l/message/").contains(created.getId());
        assertThat(created.getMentions()).hasSize(2);
        assertThat(created.getFrom().getUser().getId()).isEqualTo(SAM_ID);
        List<TeamsMessage> received = sandbox.microsoft().messages(PRACTICE_TEAM_ID, FRONT_DESK_CHANNEL_ID);
        assertThat(received).hasSize(1);
        TeamsMessage stored = received.get(0);
        assertThat(stored.id()).isEqualTo(created.getId());
        assertThat(stored.contentType()).isEqualTo("html");
        assertThat(stored.content()).contains("<at id=\"0\">Sam Staff</at>");
        assertThat(stored.mentions()).extracting(TeamsMessage.Mention::userId).containsExactly(SAM_ID, ADA_ID);
        assertThat(stored.senderUserId()).isEqualTo(SAM_ID);
        assertThat(stored.clientId()).isEqualTo(CLIENT_ID);
        assertThat(stored.receivedAt()).isAfter(before);
    }

    @Test
    void postsAnAdaptiveCardReferencedFromTheBody() {
        ChatMessage message = html("<attachment id=\"card-1\"></attachment>");
        ChatMessageAttachment card = new ChatMessageAttachment();
        card.setId("card-1");
        card.setContentType("application/vnd.microsoft.card.adaptive");
        card.setContent("{\"type\":\"AdaptiveCard\",\"version\":\"1.4\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"New entry\"}]}");
        message.setAttachments(List.of(card));

        ChatMessage created = graph.teams().byTeamId(PRACTICE_TEAM_ID).channels().byChannelId(GENERAL_CHANNEL_ID)
                .messages().post(message);

        assertThat(created.getAttachments()).extracting(ChatMessageAttachment::getId).containsExactly("card-1");
        TeamsMessage stored = sandbox.microsoft().messages(PRACTICE_TEAM_ID, GENERAL_CHANNEL_ID).get(0);
        assertThat(stored.attachments().get(0).content()).contains("\"AdaptiveCard\"");
    }

    @Test
    void refusesAnAtTagWithoutAMatchingMentionAsBadRequest() {
        ChatMessage message = html("<p>For <at id=\"0\">Sam</at> and <at id=\"1\">Ada</at></p>");
        message.setMentions(List.of(mention(0, "Sam", SAM_ID)));

        ODataError error = catchThrowableOfType(ODataError.class, () -> graph.teams().byTeamId(PRACTICE_TEAM_ID).channels()
                .byChannelId(FRONT_DESK_CHANNEL_ID).messages().post(message));

        assertThat(error.getResponseStatusCode()).isEqualTo(400);
        assertThat(error.getError().getCode()).isEqualTo("BadRequest");
        assertThat(error.getError().getMessage()).contains("<at id=\"1\">");
        assertThat(sandbox.microsoft().messages(PRACTICE_TEAM_ID, FRONT_DESK_CHANNEL_ID)).isEmpty();
    }

    @Test
    void refusesAMentionOfSomeoneOutsideTheTenantOrUnusedInTheBody() {
        ChatMessage stranger = html("<p>For <at id=\"0\">Stranger</at></p>");
        stranger.setMentions(List.of(mention(0, "Stranger", "f0000000-0000-4000-8000-000000000000")));
        ChatMessage unused = html("<p>No tags here</p>");
        unused.setMentions(List.of(mention(0, "Sam", SAM_ID)));

        ODataError strangerError = catchThrowableOfType(ODataError.class, () -> graph.teams().byTeamId(PRACTICE_TEAM_ID)
                .channels().byChannelId(FRONT_DESK_CHANNEL_ID).messages().post(stranger));
        ODataError unusedError = catchThrowableOfType(ODataError.class, () -> graph.teams().byTeamId(PRACTICE_TEAM_ID)
                .channels().byChannelId(FRONT_DESK_CHANNEL_ID).messages().post(unused));

        assertThat(strangerError.getResponseStatusCode()).isEqualTo(400);
        assertThat(unusedError.getResponseStatusCode()).isEqualTo(400);
    }

    @Test
    void refusesAPostToAnUnknownChannelAs404() {
        ODataError error = catchThrowableOfType(ODataError.class, () -> graph.teams().byTeamId(PRACTICE_TEAM_ID).channels()
                .byChannelId("19:nosuchchannel@thread.tacv2").messages().post(html("<p>hi</p>")));

        assertThat(error.getResponseStatusCode()).isEqualTo(404);
    }

    @Test
    void aRevokedTokenIs401InvalidAuthenticationToken() {
        sandbox.microsoft().revokeGrants(ACME_TENANT_ID, SAM_ID);

        ODataError error = catchThrowableOfType(ODataError.class, () -> graph.me().get());

        assertThat(error.getResponseStatusCode()).isEqualTo(401);
        assertThat(error.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void throttlesChannelMessagesWith429RetryAfterAndTooManyRequests() {
        sandbox.limits().override("graph", "channel-message-per-channel", new RateLimit(1, Duration.ofMinutes(1), 1));
        graph.teams().byTeamId(PRACTICE_TEAM_ID).channels().byChannelId(FRONT_DESK_CHANNEL_ID).messages().post(html("<p>one</p>"));

        ODataError error = catchThrowableOfType(ODataError.class, () -> graph.teams().byTeamId(PRACTICE_TEAM_ID).channels()
                .byChannelId(FRONT_DESK_CHANNEL_ID).messages().post(html("<p>two</p>")));
        ChatMessage otherChannel = graph.teams().byTeamId(PRACTICE_TEAM_ID).channels().byChannelId(GENERAL_CHANNEL_ID)
                .messages().post(html("<p>elsewhere</p>"));

        assertThat(error.getResponseStatusCode()).isEqualTo(429);
        assertThat(error.getResponseHeaders().get("Retry-After")).containsExactly("60");
        assertThat(error.getError().getCode()).isEqualTo("TooManyRequests");
        assertThat(otherChannel.getId()).isNotBlank();
        assertThat(sandbox.microsoft().messages(PRACTICE_TEAM_ID, FRONT_DESK_CHANNEL_ID)).hasSize(1);
    }

    @Test
    void throttlesAnAppsCallsPerTenant() {
        sandbox.limits().override("graph", "per-tenant", new RateLimit(1, Duration.ofMinutes(1), 1));
        graph.me().get();

        ODataError error = catchThrowableOfType(ODataError.class, () -> graph.me().joinedTeams().get());

        assertThat(error.getResponseStatusCode()).isEqualTo(429);
        assertThat(error.getResponseHeaders().get("Retry-After")).containsExactly("60");
    }

    @Test
    void theSdksDefaultRetryHandlerWaitsOutRetryAfterAndRetriesA429() {
        sandbox.limits().override("graph", "channel-message-per-channel", RateLimit.perSecond(1, 1));
        GraphServiceClient retrying = GraphClients.withDefaultRetries(sandbox, samToken);
        retrying.teams().byTeamId(PRACTICE_TEAM_ID).channels().byChannelId(FRONT_DESK_CHANNEL_ID).messages().post(html("<p>one</p>"));

        ChatMessage second = retrying.teams().byTeamId(PRACTICE_TEAM_ID).channels().byChannelId(FRONT_DESK_CHANNEL_ID)
                .messages().post(html("<p>two</p>"));

        assertThat(second.getId()).isNotBlank();
        assertThat(sandbox.requests("graph")).extracting(RecordedRequest::status).containsSubsequence(201, 429, 201);
        assertThat(sandbox.requests("graph").get(sandbox.requests("graph").size() - 1).headers()).containsKey("authorization");
    }

    private static ChatMessage html(String content) {
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent(content);
        ChatMessage message = new ChatMessage();
        message.setBody(body);
        return message;
    }

    private static ChatMessageMention mention(int id, String text, String userId) {
        TeamworkUserIdentity user = new TeamworkUserIdentity();
        user.setId(userId);
        user.setDisplayName(text);
        user.setUserIdentityType(TeamworkUserIdentityType.AadUser);
        ChatMessageMentionedIdentitySet mentioned = new ChatMessageMentionedIdentitySet();
        mentioned.setUser(user);
        ChatMessageMention mention = new ChatMessageMention();
        mention.setId(id);
        mention.setMentionText(text);
        mention.setMentioned(mentioned);
        return mention;
    }
}
