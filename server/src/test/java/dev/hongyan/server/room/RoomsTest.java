package dev.hongyan.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every room::* signal against the real server over real WebSockets: replies, refusals (with the
 * request id), and exactly who is told what, per the spec's flow notation.
 */
class RoomsTest {

    private static final long QUIET_MILLIS = 300;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                rooms:
                  maxMembers: 3
                  maxRoomsPerClient: 2
                security:
                  loginMaxFailures: 3
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- helpers ----

    private static JsonNode ok(JsonNode reply) {
        assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo("0000");
        return reply.path("body");
    }

    private static JsonNode refused(SignalClient client, String signal, Object body, String code) {
        long id = client.send(signal, body);
        JsonNode error = client.awaitId(id);
        assertThat(error.path("code").asText()).as(error.toString()).isEqualTo(code);
        assertThat(error.path("header").path("signal").asText()).isEqualTo("platform::error");
        assertThat(error.path("body").path("signal").asText()).isEqualTo(signal);
        return error;
    }

    private static String create(SignalClient owner, Map<String, Object> body) {
        return ok(owner.request("room::create", body)).path("roomId").asText();
    }

    /** Enters and consumes the reply and the room::client::list push that follows it. */
    private static JsonNode enter(SignalClient client, String roomId, String password) {
        Map<String, Object> body = password == null ? Map.of("roomId", roomId) : Map.of("roomId", roomId, "password", password);
        JsonNode reply = ok(client.request("room::enter", body));
        client.await("room::client::list");
        return reply;
    }

    private static String signalOf(JsonNode message) {
        return message.path("header").path("signal").asText();
    }

    // ---- takeover ----

    @Test
    void aTakenOverConnectionLeavesItsRoomsAndTheNewOneStartsOutside() {
        try (SignalClient alice = server.register("alice", "tk-alice");
                SignalClient bob = server.register("bob", "tk-bob");
                SignalClient aliceAgain = server.connect()) {
            String roomId = create(alice, Map.of("name", "takeover"));
            enter(alice, roomId, null);
            enter(bob, roomId, null);
            alice.await("room::enter");
            aliceAgain.registerAs("alice", "alice-pw", "tk-alice", "WEB");
            JsonNode left = bob.await("room::leave");
            assertThat(left.path("body").path("clientId").asText()).isEqualTo("tk-alice");
            JsonNode members = ok(bob.request("room::client::list", Map.of("roomId", roomId)));
            assertThat(members).hasSize(1);
            enter(aliceAgain, roomId, null);
            assertThat(bob.await("room::enter").path("body").path("clientId").asText()).isEqualTo("tk-alice");
        }
    }

    // ---- create, enter ----

    @Test
    void createAndEnterFlow() {
        try (SignalClient alice = server.register("alice", "ce-alice");
                SignalClient bob = server.register("bob", "ce-bob");
                SignalClient carol = server.register("carol", "ce-carol")) {
            // the spec's own spelling of the password field
            JsonNode created = ok(alice.request("room::create",
                    Map.of("name", "weekly", "passowrd", "sesame", "mediaClientId", "media-1")));
            String roomId = created.path("roomId").asText();
            assertThat(roomId).matches("[0-9a-f-]{36}");
            assertThat(created.path("name").asText()).isEqualTo("weekly");
            assertThat(created.path("clientSize").asInt()).isZero();
            assertThat(created.path("mediaClientId").asText()).isEqualTo("media-1");
            assertThat(created.path("passwordProtected").asBoolean()).isTrue();
            assertThat(created.path("owner").asText()).isEqualTo("ce-alice");
            assertThat(created.toString()).doesNotContain("sesame");

            // -) : the others hear of the room, the creator only gets its reply
            assertThat(bob.await("room::create").path("body")).isEqualTo(created);
            assertThat(carol.await("room::create").path("body")).isEqualTo(created);
            alice.expectNo("room::create", QUIET_MILLIS);

            // the creator is not a member until it enters
            refused(alice, "room::client::list", Map.of("roomId", roomId), "3403");

            long enterId = alice.send("room::enter", Map.of("roomId", roomId, "password", "sesame"));
            JsonNode reply = alice.awaitId(enterId);
            assertThat(ok(reply).path("roomId").asText()).isEqualTo(roomId);
            assertThat(reply.path("body").path("clientId").asText()).isEqualTo("ce-alice");
            JsonNode list = alice.await("room::client::list").path("body");
            assertThat(list.isArray()).isTrue();
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("clientId").asText()).isEqualTo("ce-alice");

            enter(bob, roomId, "sesame");
            // -) : members but the enterer; non-members hear nothing
            JsonNode entered = alice.await("room::enter").path("body");
            assertThat(entered.path("roomId").asText()).isEqualTo(roomId);
            assertThat(entered.path("clientId").asText()).isEqualTo("ce-bob");
            assertThat(entered.path("status").path("clientId").asText()).isEqualTo("ce-bob");
            assertThat(entered.path("status").path("clientType").asText()).isEqualTo("WEB");
            bob.expectNo("room::enter", QUIET_MILLIS);
            carol.expectNo("room::enter", 0);

            JsonNode status = ok(carol.request("room::status", Map.of("roomId", roomId)));
            assertThat(status.path("clientSize").asInt()).isEqualTo(2);
        }
    }

    @Test
    void enterRefusals() {
        try (SignalClient alice = server.register("alice", "er-alice")) {
            String roomId = create(alice, Map.of("name", "r"));
            enter(alice, roomId, null);
            JsonNode twice = refused(alice, "room::enter", Map.of("roomId", roomId), "3409");
            assertThat(twice.path("message").asText()).contains("already");
            refused(alice, "room::enter", Map.of("roomId", "00000000-0000-0000-0000-000000000000"), "3404");
            refused(alice, "room::enter", Map.of(), "1003");
            refused(alice, "room::enter", Map.of("roomId", List.of("r")), "1003");
            refused(alice, "room::create", Map.of("name", ""), "1003");
            refused(alice, "room::create", Map.of("name", "n", "password", "a", "passowrd", "b"), "1003");
        }
    }

    @Test
    void wrongPasswordsAreRefusedThenThrottledForThatClientOnly() {
        try (SignalClient alice = server.register("alice", "pw-alice");
                SignalClient bob = server.register("bob", "pw-bob");
                SignalClient carol = server.register("carol", "pw-carol")) {
            String roomId = create(alice, Map.of("name", "locked", "password", "right"));
            refused(bob, "room::enter", Map.of("roomId", roomId), "3401");
            for (int i = 0; i < 3; i++) {
                refused(bob, "room::enter", Map.of("roomId", roomId, "password", "wrong" + i), "3401");
            }
            JsonNode locked = refused(bob, "room::enter", Map.of("roomId", roomId, "password", "right"), "3429");
            assertThat(locked.path("message").asText()).contains("try again in");

            enter(carol, roomId, "right");
            ok(bob.request("room::list", Map.of()));
            refused(bob, "room::client::list", Map.of("roomId", roomId), "3403");
        }
    }

    @Test
    void invitationAdmitsWithoutThePasswordAndNeverCarriesIt() {
        try (SignalClient alice = server.register("alice", "in-alice");
                SignalClient bob = server.register("bob", "in-bob");
                SignalClient carol = server.register("carol", "in-carol")) {
            String roomId = create(alice, Map.of("name", "private", "password", "hidden"));
            enter(alice, roomId, "hidden");

            refused(carol, "room::invite", Map.of("roomId", roomId, "clientId", "in-bob"), "3403");
            refused(alice, "room::invite", Map.of("roomId", roomId, "clientId", "nobody-online"), "3404");
            refused(alice, "room::invite", Map.of("roomId", roomId, "clientId", "in-alice"), "3409");

            long inviteId = alice.send("room::invite", Map.of("roomId", roomId, "clientId", "in-bob", "password", "x"));
            JsonNode invite = bob.await("room::invite").path("body");
            assertThat(invite.path("roomId").asText()).isEqualTo(roomId);
            assertThat(invite.path("name").asText()).isEqualTo("private");
            assertThat(invite.path("clientId").asText()).isEqualTo("in-bob");
            assertThat(invite.path("from").asText()).isEqualTo("in-alice");
            assertThat(invite.toString()).doesNotContain("hidden").doesNotContain("password\"");
            carol.expectNo("room::invite", QUIET_MILLIS);
            // -> : no reply to the inviter
            assertThat(alice.drain()).noneMatch(m -> m.path("header").path("id").asLong() == inviteId);

            enter(bob, roomId, null);
            assertThat(ok(bob.request("room::client::list", Map.of("roomId", roomId)))).hasSize(2);

            // used up: after leaving, the password is needed again
            bob.send("room::leave", Map.of("roomId", roomId));
            alice.await("room::leave");
            refused(bob, "room::enter", Map.of("roomId", roomId), "3401");
        }
    }

    // ---- leave, offline ----

    @Test
    void leaveTellsTheOthersAndRefusesNonMembers() {
        try (SignalClient alice = server.register("alice", "lv-alice");
                SignalClient bob = server.register("bob", "lv-bob")) {
            String roomId = create(alice, Map.of("name", "r"));
            enter(alice, roomId, null);
            enter(bob, roomId, null);
            alice.await("room::enter");

            long leaveId = bob.send("room::leave", Map.of("roomId", roomId));
            JsonNode left = alice.await("room::leave").path("body");
            assertThat(left.path("roomId").asText()).isEqualTo(roomId);
            assertThat(left.path("clientId").asText()).isEqualTo("lv-bob");
            bob.expectNo("room::leave", QUIET_MILLIS);
            assertThat(bob.drain()).noneMatch(m -> m.path("header").path("id").asLong() == leaveId);

            JsonNode notIn = refused(bob, "room::leave", Map.of("roomId", roomId), "3404");
            assertThat(notIn.path("message").asText()).contains("not in room");
            refused(bob, "room::leave", Map.of("roomId", "no-such-room"), "3404");
            assertThat(ok(alice.request("room::client::list", Map.of("roomId", roomId)))).hasSize(1);
        }
    }

    @Test
    void goingOfflineLeavesEveryRoom() {
        try (SignalClient alice = server.register("alice", "off-alice")) {
            SignalClient bob = server.register("bob", "off-bob");
            String one = create(alice, Map.of("name", "one"));
            String two = create(alice, Map.of("name", "two"));
            for (String roomId : List.of(one, two)) {
                enter(alice, roomId, null);
                enter(bob, roomId, null);
            }

            bob.abort();

            List<String> leftRooms = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                JsonNode left = alice.await("room::leave").path("body");
                assertThat(left.path("clientId").asText()).isEqualTo("off-bob");
                leftRooms.add(left.path("roomId").asText());
            }
            assertThat(leftRooms).containsExactlyInAnyOrder(one, two);
            assertThat(ok(alice.request("room::status", Map.of("roomId", one))).path("clientSize").asInt()).isEqualTo(1);

            // bob's rooms were freed: reconnected, it can enter two rooms again
            try (SignalClient again = server.register("bob", "off-bob")) {
                enter(again, one, null);
                enter(again, two, null);
            }
        }
    }

    // ---- close, expel ----

    @Test
    void closeIsForOwnerModeratorsAndAdminsAndTellsEveryoneIncludingTheSender() {
        try (SignalClient alice = server.register("alice", "cl-alice");
                SignalClient bob = server.register("bob", "cl-bob");
                SignalClient carol = server.register("carol", "cl-carol");
                SignalClient admin = server.register("admin", "cl-admin")) {
            String roomId = create(alice, Map.of("name", "r"));
            enter(alice, roomId, null);
            enter(bob, roomId, null);

            refused(bob, "room::close", Map.of("roomId", roomId), "3403");
            refused(carol, "room::close", Map.of("roomId", roomId), "3403");

            alice.send("room::close", Map.of("roomId", roomId));
            assertThat(alice.await("room::close").path("body").path("roomId").asText()).isEqualTo(roomId);
            assertThat(bob.await("room::close").path("body").path("roomId").asText()).isEqualTo(roomId);
            carol.expectNo("room::close", QUIET_MILLIS);
            admin.expectNo("room::close", 0);
            alice.expectNo("room::close", 0);
            refused(bob, "room::status", Map.of("roomId", roomId), "3404");
            refused(bob, "room::enter", Map.of("roomId", roomId), "3404");

            // an admin may close a room it is not in; it is told too (+)
            String other = create(alice, Map.of("name", "other"));
            enter(bob, other, null);
            admin.send("room::close", Map.of("roomId", other));
            assertThat(admin.await("room::close").path("body").path("roomId").asText()).isEqualTo(other);
            assertThat(bob.await("room::close").path("body").path("roomId").asText()).isEqualTo(other);
            alice.expectNo("room::close", QUIET_MILLIS);
        }
    }

    @Test
    void expelRemovesTheMember() {
        try (SignalClient alice = server.register("alice", "ex-alice");
                SignalClient bob = server.register("bob", "ex-bob");
                SignalClient carol = server.register("carol", "ex-carol")) {
            String roomId = create(alice, Map.of("name", "r"));
            enter(alice, roomId, null);
            enter(bob, roomId, null);
            enter(carol, roomId, null);
            alice.drain();
            bob.drain();

            refused(bob, "room::expel", Map.of("roomId", roomId, "clientId", "ex-carol"), "3403");
            refused(alice, "room::expel", Map.of("roomId", roomId, "clientId", "ex-alice"), "3409");
            refused(alice, "room::expel", Map.of("roomId", roomId, "clientId", "nobody"), "3404");
            refused(alice, "room::expel", Map.of("roomId", roomId), "1003");

            alice.send("room::expel", Map.of("roomId", roomId, "clientId", "ex-bob"));
            JsonNode expelled = bob.await("room::expel").path("body");
            assertThat(expelled.path("roomId").asText()).isEqualTo(roomId);
            assertThat(expelled.path("clientId").asText()).isEqualTo("ex-bob");
            assertThat(alice.await("room::leave").path("body").path("clientId").asText()).isEqualTo("ex-bob");
            assertThat(carol.await("room::leave").path("body").path("clientId").asText()).isEqualTo("ex-bob");
            bob.expectNo("room::leave", QUIET_MILLIS);

            // the server really removed it
            refused(bob, "room::broadcast", Map.of("roomId", roomId, "text", "still here?"), "3403");
            JsonNode members = ok(alice.request("room::client::list", Map.of("roomId", roomId)));
            assertThat(members).extracting(m -> m.path("clientId").asText()).containsExactly("ex-alice", "ex-carol");
        }
    }

    // ---- broadcast ----

    @Test
    void broadcastReachesTheOtherMembersOnly() {
        try (SignalClient alice = server.register("alice", "bc-alice");
                SignalClient bob = server.register("bob", "bc-bob");
                SignalClient carol = server.register("carol", "bc-carol")) {
            String roomId = create(alice, Map.of("name", "r"));
            enter(alice, roomId, null);
            enter(bob, roomId, null);

            long id = alice.send("room::broadcast", Map.of("roomId", roomId, "text", "hello", "extra", Map.of("n", 1)));
            JsonNode received = bob.await("room::broadcast").path("body");
            assertThat(received.path("roomId").asText()).isEqualTo(roomId);
            assertThat(received.path("text").asText()).isEqualTo("hello");
            assertThat(received.path("extra").path("n").asInt()).isEqualTo(1);
            alice.expectNo("room::broadcast", QUIET_MILLIS);
            carol.expectNo("room::broadcast", 0);
            assertThat(alice.drain()).noneMatch(m -> m.path("header").path("id").asLong() == id);

            refused(carol, "room::broadcast", Map.of("roomId", roomId, "text", "hi"), "3403");
            refused(carol, "room::broadcast", Map.of("text", "no room"), "1003");
            refused(carol, "room::broadcast", Map.of("roomId", "no-such-room"), "3404");
        }
    }

    // ---- list, status, member lists ----

    @Test
    void listAndStatusShowRoomsWithoutPasswords() {
        try (SignalClient alice = server.register("alice", "ls-alice");
                SignalClient carol = server.register("carol", "ls-carol")) {
            String roomId = create(alice, Map.of("name", "listed", "password", "p4ss-word"));
            enter(alice, roomId, "p4ss-word");

            JsonNode list = ok(carol.request("room::list", Map.of()));
            JsonNode mine = null;
            for (JsonNode room : list) {
                if (room.path("roomId").asText().equals(roomId)) {
                    mine = room;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.path("name").asText()).isEqualTo("listed");
            assertThat(mine.path("clientSize").asInt()).isEqualTo(1);
            assertThat(mine.path("passwordProtected").asBoolean()).isTrue();
            assertThat(mine.path("owner").asText()).isEqualTo("ls-alice");
            assertThat(mine.has("mediaClientId")).isTrue();
            assertThat(list.toString()).doesNotContain("p4ss-word").doesNotContain("passowrd").doesNotContain("pbkdf2");

            JsonNode status = ok(carol.request("room::status", Map.of("roomId", roomId)));
            assertThat(status).isEqualTo(mine);
            refused(carol, "room::status", Map.of("roomId", "no-such-room"), "3404");
            refused(carol, "room::status", Map.of(), "1003");
        }
    }

    @Test
    void memberListsAndMediaIds() {
        try (SignalClient alice = server.register("alice", "ml-alice");
                SignalClient bob = server.register("bob", "ml-bob");
                SignalClient carol = server.register("carol", "ml-carol");
                SignalClient admin = server.register("admin", "ml-admin")) {
            String roomId = create(alice, Map.of("name", "r"));
            enter(alice, roomId, null);
            enter(bob, roomId, null);

            JsonNode members = ok(bob.request("room::client::list", Map.of("roomId", roomId)));
            assertThat(members).extracting(m -> m.path("clientId").asText()).containsExactly("ml-alice", "ml-bob");
            assertThat(members.get(0).path("ip").asText()).isNotBlank();
            assertThat(ok(admin.request("room::client::list", Map.of("roomId", roomId)))).hasSize(2);
            refused(carol, "room::client::list", Map.of("roomId", roomId), "3403");
            refused(carol, "room::client::list", Map.of("roomId", "no-such-room"), "3404");

            JsonNode own = ok(alice.request("room::client::list::id", Map.of("roomId", roomId)));
            assertThat(own.path("roomId").asText()).isEqualTo(roomId);
            assertThat(own.path("clientId").asText()).isEqualTo("ml-alice");
            for (String field : List.of("dataProducers", "dataConsumers", "audioProducers", "videoProducers",
                    "audioConsumers", "videoConsumers")) {
                assertThat(own.path(field).isArray()).as(field).isTrue();
                assertThat(own.path(field)).as(field).isEmpty();
            }
            JsonNode bobs = ok(alice.request("room::client::list::id", Map.of("roomId", roomId, "clientId", "ml-bob")));
            assertThat(bobs.path("clientId").asText()).isEqualTo("ml-bob");
            refused(alice, "room::client::list::id", Map.of("roomId", roomId, "clientId", "ml-carol"), "3404");
            refused(carol, "room::client::list::id", Map.of("roomId", roomId), "3403");
        }
    }

    // ---- limits ----

    @Test
    void membersPerRoomAndRoomsPerClientAreLimited() {
        try (SignalClient alice = server.register("alice", "lim-alice");
                SignalClient bob = server.register("bob", "lim-bob");
                SignalClient carol = server.register("carol", "lim-carol");
                SignalClient dave = server.register("carol", "lim-dave")) {
            String roomId = create(alice, Map.of("name", "small"));
            enter(alice, roomId, null);
            enter(bob, roomId, null);
            enter(carol, roomId, null);
            JsonNode full = refused(dave, "room::enter", Map.of("roomId", roomId), "3413");
            assertThat(full.path("message").asText()).contains("rooms.maxMembers = 3");

            String two = create(alice, Map.of("name", "two"));
            String three = create(alice, Map.of("name", "three"));
            enter(alice, two, null);
            JsonNode tooMany = refused(alice, "room::enter", Map.of("roomId", three), "3413");
            assertThat(tooMany.path("message").asText()).contains("rooms.maxRoomsPerClient = 2");

        }
    }

    // ---- empty rooms ----

    private static List<String> openRooms(SignalClient client) {
        List<String> open = new ArrayList<>();
        ok(client.request("room::list", Map.of())).forEach(room -> open.add(room.path("roomId").asText()));
        return open;
    }

    @Test
    void emptyRoomsCloseAfterTheGraceUnlessReentered() throws Exception {
        try (TestServer quick = TestServer.start("""
                rooms:
                  emptyRoomGraceMillis: 2000
                """);
                SignalClient alice = quick.register("alice", "gr-alice");
                SignalClient bob = quick.register("bob", "gr-bob")) {
            String abandoned = create(alice, Map.of("name", "never entered"));
            String kept = create(alice, Map.of("name", "re-entered"));
            enter(alice, kept, null);
            alice.send("room::leave", Map.of("roomId", kept));
            long left = System.currentTimeMillis();
            // The room's actor takes the leave before this enter, so the room was empty in between.
            enter(alice, kept, null);

            long deadline = System.currentTimeMillis() + 15_000;
            List<String> open = openRooms(bob);
            while (open.contains(abandoned) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                open = openRooms(bob);
            }
            assertThat(open).as("the never-entered room closed after its grace").doesNotContain(abandoned);
            // Past the kept room's own grace from its leave: re-entering must have cancelled its close.
            Thread.sleep(Math.max(0, left + 2500 - System.currentTimeMillis()));
            assertThat(openRooms(bob)).contains(kept);
            // closing an empty room tells nobody
            alice.expectNo("room::close", 0);
            bob.expectNo("room::close", 0);

            alice.send("room::leave", Map.of("roomId", kept));
            long closeDeadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < closeDeadline
                    && !"3404".equals(bob.request("room::status", Map.of("roomId", kept)).path("code").asText())) {
                Thread.sleep(100);
            }
            refused(bob, "room::status", Map.of("roomId", kept), "3404");
            bob.expectNo("room::close", 0);
        }
    }

    @Test
    void unknownRoomIsNotFoundEverywhere() {
        try (SignalClient alice = server.register("alice", "nf-alice")) {
            String missing = "no-such-room";
            for (String signal : List.of("room::enter", "room::leave", "room::close", "room::status",
                    "room::client::list", "room::client::list::id", "room::broadcast")) {
                refused(alice, signal, Map.of("roomId", missing), "3404");
            }
            refused(alice, "room::expel", Map.of("roomId", missing, "clientId", "x"), "3404");
            refused(alice, "room::invite", Map.of("roomId", missing, "clientId", "nf-alice"), "3404");
            assertThat(alice.drain()).extracting(RoomsTest::signalOf).doesNotContain("room::close");
        }
    }
}
