package dev.hongyan.gateway.nativeprotocol.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.core.room.RoomSettings;
import dev.hongyan.gateway.nativeprotocol.room.NativeRoomHarness.Terminal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room signals on the wire: body binding, reply shapes, error codes with the request id, audiences. */
class NativeRoomSignalsTest {

    private final NativeRoomHarness harness = new NativeRoomHarness(new RoomSettings(100, 3, 4, 60_000, 60_000));

    @AfterEach
    void stop() {
        harness.close();
    }

    private static String signal(JsonNode message) {
        return message.path("header").path("signal").asText();
    }

    private static JsonNode ok(JsonNode reply) {
        assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo("0000");
        return reply.path("body");
    }

    private static void refused(JsonNode reply, String code, String signal) {
        assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo(code);
        assertThat(signal(reply)).isEqualTo("platform::error");
        assertThat(reply.path("body").path("signal").asText()).isEqualTo(signal);
    }

    private String create(Terminal owner, Map<String, Object> body) {
        return ok(owner.request("room::create", body)).path("roomId").asText();
    }

    @Test
    void createAcceptsTheSpecsMisspelledPasswordAndNeverShowsIt() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");

        JsonNode created = ok(alice.request("room::create", Map.of("name", "standup", "passowrd", "pw", "mediaClientId", "m1")));

        assertThat(created.path("name").asText()).isEqualTo("standup");
        assertThat(created.path("clientSize").asInt()).isZero();
        assertThat(created.path("mediaClientId").asText()).isEqualTo("m1");
        assertThat(created.path("passwordProtected").asBoolean()).isTrue();
        JsonNode told = bob.awaitSignal("room::create");
        assertThat(told.path("body")).isEqualTo(created);
        // The others are told before the creator is answered.
        assertThat(alice.receivedSoFar("room::create")).as("the creator gets the reply only").isEmpty();

        String roomId = created.path("roomId").asText();
        refused(bob.request("room::enter", Map.of("roomId", roomId, "password", "nope")), "3401", "room::enter");
        ok(bob.request("room::enter", Map.of("roomId", roomId, "password", "pw")));

        JsonNode list = ok(bob.request("room::list", Map.of()));
        JsonNode status = ok(bob.request("room::status", Map.of("roomId", roomId)));
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).isEqualTo(status);
        assertThat(list.toString()).doesNotContain("\"pw\"").doesNotContain("passowrd").doesNotContain("\"password\"");
    }

    @Test
    void badBodiesAre1003WithTheRequestId() {
        Terminal alice = harness.connect("alice");

        refused(alice.request("room::create", Map.of()), "1003", "room::create");
        refused(alice.request("room::create", Map.of("name", List.of("x"))), "1003", "room::create");
        refused(alice.request("room::create", Map.of("name", "x".repeat(65))), "1003", "room::create");
        refused(alice.request("room::create", Map.of("name", "n", "password", "a", "passowrd", "b")), "1003",
                "room::create");
        refused(alice.request("room::enter", Map.of("password", "x")), "1003", "room::enter");
        refused(alice.request("room::expel", Map.of("roomId", "r")), "1003", "room::expel");
        refused(alice.request("room::broadcast", Map.of("roomId", 7)), "1003", "room::broadcast");
        refused(alice.request("room::broadcast", Map.of("text", "no room")), "1003", "room::broadcast");
    }

    @Test
    void enterRepliesThenPushesTheMemberListAndTellsTheOthers() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");
        Terminal carol = harness.connect("carol");
        String roomId = create(alice, Map.of("name", "r"));
        ok(alice.request("room::enter", Map.of("roomId", roomId)));
        alice.awaitSignal("room::client::list");
        alice.clear();
        bob.clear();
        carol.clear();

        long requestId = bob.send("room::enter", Map.of("roomId", roomId));

        // The reply and the member list are sent one after the other; wait for both, then check the order.
        bob.awaitSignal("room::client::list");
        JsonNode reply = bob.await(m -> m.has("code"));
        assertThat(reply.path("header").path("id").asLong()).isEqualTo(requestId);
        assertThat(ok(reply)).isEqualTo(harness.codec.mapper().valueToTree(Map.of("roomId", roomId, "clientId", "bob")));
        List<JsonNode> arrived = bob.history();
        assertThat(arrived).extracting(NativeRoomSignalsTest::signal).containsExactly("room::enter", "room::client::list");
        assertThat(arrived.get(0)).as("the reply first").isSameAs(reply);
        JsonNode list = arrived.get(1);
        assertThat(list.path("body").size()).isEqualTo(2);
        assertThat(list.path("body").get(1).path("clientId").asText()).isEqualTo("bob");

        JsonNode entered = alice.awaitSignal("room::enter");
        assertThat(entered.path("body").path("clientId").asText()).isEqualTo("bob");
        assertThat(entered.path("body").path("status").path("clientId").asText()).isEqualTo("bob");
        harness.settle(roomId);
        assertThat(carol.receivedSoFar("room::enter")).isEmpty();

        refused(bob.request("room::enter", Map.of("roomId", roomId)), "3409", "room::enter");
        refused(bob.request("room::enter", Map.of("roomId", "nope")), "3404", "room::enter");
    }

    private static JsonNode statusOf(JsonNode statuses, String clientId) {
        for (JsonNode status : statuses) {
            if (clientId.equals(status.path("clientId").asText())) {
                return status;
            }
        }
        throw new AssertionError(clientId + " not listed in " + statuses);
    }

    /** Statuses are rendered once and cached; a heartbeat must still show everywhere they are listed. */
    @Test
    void listsShowTheTelemetryOfTheLatestHeartbeat() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");
        String roomId = create(alice, Map.of("name", "r"));
        ok(alice.request("room::enter", Map.of("roomId", roomId)));
        assertThat(statusOf(ok(bob.request("client::list", Map.of())), "alice").has("battery")).isFalse();
        assertThat(statusOf(ok(alice.request("room::client::list", Map.of("roomId", roomId))), "alice").has("battery"))
                .isFalse();

        ok(alice.request("client::heartbeat", Map.of("battery", 55, "status", Map.of("fw", "2.1"))));

        JsonNode listed = statusOf(ok(bob.request("client::list", Map.of())), "alice");
        assertThat(listed.path("battery").asInt()).isEqualTo(55);
        assertThat(listed.path("status").path("fw").asText()).isEqualTo("2.1");
        assertThat(listed.path("lastHeartbeat").asText()).isNotEmpty();
        assertThat(ok(bob.request("client::status", Map.of("clientId", "alice")))).isEqualTo(listed);
        assertThat(statusOf(ok(alice.request("room::client::list", Map.of("roomId", roomId))), "alice"))
                .isEqualTo(listed);
        alice.clear();
        ok(bob.request("room::enter", Map.of("roomId", roomId)));
        assertThat(statusOf(bob.awaitSignal("room::client::list").path("body"), "alice")).isEqualTo(listed);
        assertThat(alice.awaitSignal("room::enter").path("body").path("status").path("clientId").asText())
                .isEqualTo("bob");

        ok(alice.request("client::heartbeat", Map.of("battery", 54)));

        assertThat(statusOf(ok(bob.request("client::list", Map.of("clientType", "WEB"))), "alice").path("battery")
                .asInt()).isEqualTo(54);
        assertThat(statusOf(ok(bob.request("room::client::list", Map.of("roomId", roomId))), "alice").path("battery")
                .asInt()).isEqualTo(54);
    }

    @Test
    void leaveHasNoReplyButTellsTheOthersAndRefusesNonMembers() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");
        String roomId = create(alice, Map.of("name", "r"));
        ok(alice.request("room::enter", Map.of("roomId", roomId)));
        ok(bob.request("room::enter", Map.of("roomId", roomId)));
        bob.awaitSignal("room::client::list");
        bob.clear();

        bob.send("room::leave", Map.of("roomId", roomId));

        JsonNode left = alice.awaitSignal("room::leave");
        assertThat(left.path("body").path("clientId").asText()).isEqualTo("bob");
        harness.settle(roomId);
        assertThat(bob.receivedSoFar("room::leave")).isEmpty();
        assertThat(bob.all()).as("no reply to a successful leave").isEmpty();
        refused(bob.request("room::leave", Map.of("roomId", roomId)), "3404", "room::leave");
    }

    @Test
    void closeIsForTheOwnerAndTellsEveryoneIncludingTheSender() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");
        Terminal carol = harness.connect("carol");
        String roomId = create(alice, Map.of("name", "r"));
        ok(alice.request("room::enter", Map.of("roomId", roomId)));
        ok(bob.request("room::enter", Map.of("roomId", roomId)));

        refused(bob.request("room::close", Map.of("roomId", roomId)), "3403", "room::close");
        alice.send("room::close", Map.of("roomId", roomId));

        assertThat(alice.awaitSignal("room::close").path("body").path("roomId").asText()).isEqualTo(roomId);
        assertThat(bob.awaitSignal("room::close").path("body").path("roomId").asText()).isEqualTo(roomId);
        assertThat(carol.receivedQuietly("room::close", 100)).isEmpty();
        assertThat(ok(carol.request("room::list", Map.of()))).isEmpty();
    }

    @Test
    void expelInviteAndBroadcastOnTheWire() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");
        Terminal carol = harness.connect("carol");
        String roomId = create(alice, Map.of("name", "r", "password", "pw"));
        ok(alice.request("room::enter", Map.of("roomId", roomId, "password", "pw")));

        alice.send("room::invite", Map.of("roomId", roomId, "clientId", "bob", "password", "ignored"));
        JsonNode invite = bob.awaitSignal("room::invite").path("body");
        assertThat(invite.path("from").asText()).isEqualTo("alice");
        assertThat(invite.has("password")).isFalse();
        ok(bob.request("room::enter", Map.of("roomId", roomId)));
        refused(carol.request("room::invite", Map.of("roomId", roomId, "clientId", "carol")), "3403", "room::invite");
        refused(alice.request("room::invite", Map.of("roomId", roomId, "clientId", "ghost")), "3404", "room::invite");

        alice.send("room::broadcast", Map.of("roomId", roomId, "text", "hi", "n", 1));
        JsonNode broadcast = bob.awaitSignal("room::broadcast").path("body");
        assertThat(broadcast.path("text").asText()).isEqualTo("hi");
        assertThat(broadcast.path("n").asInt()).isEqualTo(1);
        harness.settle(roomId);
        assertThat(alice.receivedSoFar("room::broadcast")).isEmpty();
        refused(carol.request("room::broadcast", Map.of("roomId", roomId)), "3403", "room::broadcast");

        refused(bob.request("room::expel", Map.of("roomId", roomId, "clientId", "alice")), "3403", "room::expel");
        alice.send("room::expel", Map.of("roomId", roomId, "clientId", "bob"));
        assertThat(bob.awaitSignal("room::expel").path("body").path("clientId").asText()).isEqualTo("bob");
        assertThat(alice.awaitSignal("room::leave").path("body").path("clientId").asText()).isEqualTo("bob");
        refused(bob.request("room::client::list", Map.of("roomId", roomId)), "3403", "room::client::list");
    }

    @Test
    void clientListsAndMediaIds() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");
        Terminal root = harness.connect("root", "root");
        String roomId = create(alice, Map.of("name", "r"));
        ok(alice.request("room::enter", Map.of("roomId", roomId)));

        assertThat(ok(alice.request("room::client::list", Map.of("roomId", roomId))).get(0).path("clientId").asText())
                .isEqualTo("alice");
        assertThat(ok(root.request("room::client::list", Map.of("roomId", roomId)))).hasSize(1);
        refused(bob.request("room::client::list", Map.of("roomId", roomId)), "3403", "room::client::list");

        JsonNode ids = ok(alice.request("room::client::list::id", Map.of("roomId", roomId)));
        assertThat(ids.path("clientId").asText()).isEqualTo("alice");
        for (String field : List.of("dataProducers", "dataConsumers", "audioProducers", "videoProducers",
                "audioConsumers", "videoConsumers")) {
            assertThat(ids.path(field).isArray()).as(field).isTrue();
            assertThat(ids.path(field)).as(field).isEmpty();
        }
        refused(alice.request("room::client::list::id", Map.of("roomId", roomId, "clientId", "bob")), "3404",
                "room::client::list::id");
    }

    @Test
    void aDisconnectLeavesTheRoom() {
        Terminal alice = harness.connect("alice");
        Terminal bob = harness.connect("bob");
        String roomId = create(alice, Map.of("name", "r"));
        ok(alice.request("room::enter", Map.of("roomId", roomId)));
        ok(bob.request("room::enter", Map.of("roomId", roomId)));

        bob.disconnect();

        assertThat(alice.awaitSignal("room::leave").path("body").path("clientId").asText()).isEqualTo("bob");
        assertThat(ok(alice.request("room::client::list", Map.of("roomId", roomId)))).hasSize(1);
    }

    @Test
    void theMemberLimitIsNamed() {
        Terminal alice = harness.connect("alice");
        String roomId = create(alice, Map.of("name", "r"));
        for (String id : List.of("a", "b", "c")) {
            ok(harness.connect(id).request("room::enter", Map.of("roomId", roomId)));
        }
        JsonNode full = alice.request("room::enter", Map.of("roomId", roomId));
        refused(full, "3413", "room::enter");
        assertThat(full.path("message").asText()).contains("rooms.maxMembers");
    }
}
