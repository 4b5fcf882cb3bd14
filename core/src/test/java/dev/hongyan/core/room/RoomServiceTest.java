package dev.hongyan.core.room;

import static dev.hongyan.core.room.RoomFixture.done;
import static dev.hongyan.core.room.RoomFixture.error;
import static dev.hongyan.core.room.RoomFixture.eventually;
import static dev.hongyan.core.room.RoomFixture.inbox;
import static dev.hongyan.core.room.RoomFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.core.account.Role;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientStatus;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.client.PresenceScope;
import dev.hongyan.core.concurrent.ManualScheduler;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomServiceTest {

    private RoomFixture fixture = new RoomFixture(RoomFixture.settings(100, 10, 4, 60_000));
    private RoomService rooms = fixture.rooms;

    @AfterEach
    void close() {
        fixture.close();
    }

    private void use(RoomFixture other) {
        fixture.close();
        fixture = other;
        rooms = other.rooms;
    }

    private String open(Client owner) {
        return done(rooms.create(owner, "open room", null, null)).roomId();
    }

    private String locked(Client owner, String password) {
        return done(rooms.create(owner, "locked room", password, null)).roomId();
    }

    /** The usual start: {@code owner} creates an open room and enters it. */
    private String openAndEntered(Client owner) {
        String roomId = open(owner);
        entered(owner, roomId, null);
        return roomId;
    }

    private String lockedAndEntered(Client owner, String password) {
        String roomId = locked(owner, password);
        entered(owner, roomId, password);
        return roomId;
    }

    /**
     * Enters and waits for the rest of the room's turn: enter's future completes before the other
     * members are told (so the answer leaves first), and tests look at their inboxes next.
     */
    private Entered entered(Client client, String roomId, String password) {
        Entered entered = done(rooms.enter(client, roomId, password));
        fixture.settle(roomId);
        return entered;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Notification notification) {
        return new ObjectMapper().convertValue(notification.body(), Map.class);
    }

    // ---- create, list, status ----

    @Test
    void createAnswersTheRoomAndTellsTheOthersButNotTheCreator() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");

        RoomInfo info = done(rooms.create(alice, "standup", null, "media-1"));

        assertThat(info.roomId()).matches("[0-9a-f-]{36}");
        assertThat(info).extracting(RoomInfo::name, RoomInfo::clientSize, RoomInfo::mediaClientId,
                RoomInfo::passwordProtected, RoomInfo::owner).containsExactly("standup", 0, "media-1", false, "alice");
        assertThat(inbox(bob).of("room::create")).singleElement().extracting(Notification::body).isEqualTo(info);
        assertThat(inbox(alice).all()).isEmpty();
        assertThat(alice.roomIds()).as("the creator does not enter").isEmpty();
    }

    @Test
    void createFollowsThePresenceScope() {
        use(new RoomFixture(RoomFixture.settings(100, 10, 4, 60_000), PresenceScope.ADMINS));
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client root = fixture.admin("root");

        open(alice);

        assertThat(inbox(bob).all()).isEmpty();
        assertThat(inbox(root).signals()).containsExactly("room::create");
    }

    @Test
    void roomIdsAreUnique() {
        Client alice = fixture.online("alice");
        assertThat(open(alice)).isNotEqualTo(open(alice));
    }

    @Test
    void maxRoomsIsEnforced() {
        use(new RoomFixture(RoomFixture.settings(2, 10, 4, 60_000)));
        Client alice = fixture.online("alice");
        String first = open(alice);
        open(alice);

        CompletableFuture<RoomInfo> third = rooms.create(alice, "third", null, null);
        assertThat(error(third)).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(message(third)).contains("rooms.maxRooms");

        done(rooms.close(alice, first));
        assertThat(done(rooms.create(alice, "third", null, null)).name()).isEqualTo("third");
    }

    @Test
    void listAndStatusNeverShowThePassword() throws Exception {
        Client alice = fixture.online("alice");
        String roomId = locked(alice, "s3cret-pw");

        List<RoomInfo> list = rooms.list();
        RoomInfo status = rooms.status(roomId);

        assertThat(list).containsExactly(status);
        assertThat(status.passwordProtected()).isTrue();
        String json = new ObjectMapper().writeValueAsString(list);
        assertThat(json).doesNotContain("s3cret-pw").doesNotContain("pbkdf2").doesNotContainIgnoringCase("passowrd")
                .doesNotContain("\"password\"");
    }

    @Test
    void statusOfAnUnknownRoomIsNotFound() {
        assertThatThrownBy(() -> rooms.status("nope")).isInstanceOf(CoreException.class)
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    // ---- enter ----

    @Test
    @SuppressWarnings("unchecked")
    void enterTellsTheOthersAndAnswersTheMemberList() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        String roomId = openAndEntered(alice);
        inbox(bob).clear();

        Entered entered = entered(bob, roomId, null);

        assertThat(entered.clientId()).isEqualTo("bob");
        assertThat(entered.room().clientSize()).isEqualTo(2);
        assertThat(entered.members()).extracting(ClientStatus::clientId).containsExactly("alice", "bob");
        assertThat(inbox(alice).of("room::enter")).singleElement().satisfies(n -> {
            assertThat(body(n)).containsEntry("roomId", roomId).containsEntry("clientId", "bob");
            assertThat((Map<String, Object>) body(n).get("status")).containsEntry("clientId", "bob").containsEntry("name", "bob-name");
        });
        assertThat(inbox(bob).of("room::enter")).as("the enterer is answered, not told").isEmpty();
        assertThat(inbox(carol).of("room::enter")).as("non-members hear nothing").isEmpty();
        assertThat(bob.roomIds()).containsExactly(roomId);
        assertThat(rooms.status(roomId).clientSize()).isEqualTo(2);
    }

    @Test
    void theNewcomerIsAnsweredBeforeTheMembersAreToldAndTheyHearItBeforeLaterEvents() throws Exception {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = openAndEntered(alice);
        // Hold the room's executor, so that what is chained on enter's future is in place when it completes.
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<Object> held = rooms.inRoom(roomId, room -> {
            await(hold);
            return null;
        });
        List<String> aliceHadAtTheAnswer = new CopyOnWriteArrayList<>();
        // As a newcomer does: broadcast as soon as the answer is in.
        CompletableFuture<Void> broadcast = rooms.enter(bob, roomId, null).thenCompose(entered -> {
            aliceHadAtTheAnswer.addAll(inbox(alice).signals());
            return rooms.broadcast(bob, roomId, Map.of("text", "hi"));
        });
        hold.countDown();
        done(held);
        done(broadcast);

        assertThat(aliceHadAtTheAnswer).as("the answer is chained before the fan-out").isEmpty();
        assertThat(inbox(alice).signals()).as("told in the same turn, before the room's next event")
                .containsExactly("room::enter", "room::broadcast");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void enteringTwiceIsAConflict() {
        Client alice = fixture.online("alice");
        String roomId = openAndEntered(alice);

        assertThat(error(rooms.enter(alice, roomId, null))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(rooms.status(roomId).clientSize()).isEqualTo(1);
    }

    @Test
    void enteringAnUnknownRoomIsNotFound() {
        Client alice = fixture.online("alice");
        assertThat(error(rooms.enter(alice, "no-such-room", null))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(alice.roomIds()).isEmpty();
    }

    @Test
    void aPasswordRoomNeedsTheRightPassword() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = locked(alice, "pw");

        assertThat(error(rooms.enter(bob, roomId, null))).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(error(rooms.enter(bob, roomId, "wrong"))).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(bob.roomIds()).isEmpty();
        assertThat(entered(bob, roomId, "pw").clientId()).isEqualTo("bob");
        // the second right password is checked from the cache
        assertThat(entered(alice, roomId, "pw").room().clientSize()).isEqualTo(2);
    }

    @Test
    void wrongPasswordsLockThatClientOutOfThatRoomOnly() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        String roomId = locked(alice, "pw");
        String otherRoom = locked(alice, "pw");

        for (int i = 0; i < 3; i++) {
            assertThat(error(rooms.enter(bob, roomId, "guess" + i))).isEqualTo(ErrorCode.UNAUTHORIZED);
        }
        CompletableFuture<Entered> lockedOut = rooms.enter(bob, roomId, "pw");
        assertThat(error(lockedOut)).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(message(lockedOut)).contains("try again in");

        assertThat(entered(carol, roomId, "pw").clientId()).as("another client").isEqualTo("carol");
        assertThat(entered(bob, otherRoom, "pw").clientId()).as("another room").isEqualTo("bob");

        fixture.clock.advance(Duration.ofMinutes(2));
        assertThat(entered(bob, roomId, "pw").clientId()).isEqualTo("bob");
    }

    @Test
    void parallelGuessesFromOneClientAreRefusedWhileOneIsChecked() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = locked(alice, "pw");

        List<CompletableFuture<Entered>> guesses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            guesses.add(rooms.enter(bob, roomId, "guess" + i));
        }

        List<ErrorCode> codes = guesses.stream().map(RoomFixture::error).toList();
        assertThat(codes).containsOnly(ErrorCode.UNAUTHORIZED, ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(codes.stream().filter(ErrorCode.UNAUTHORIZED::equals).count()).isLessThanOrEqualTo(3);
    }

    @Test
    void anAdminNeedsNoPassword() {
        Client alice = fixture.online("alice");
        Client root = fixture.admin("root");
        String roomId = locked(alice, "pw");

        assertThat(entered(root, roomId, null).clientId()).isEqualTo("root");
    }

    @Test
    void maxMembersIsEnforced() {
        use(new RoomFixture(RoomFixture.settings(100, 2, 4, 60_000)));
        String roomId = open(fixture.online("alice"));
        entered(fixture.online("a"), roomId, null);
        entered(fixture.online("b"), roomId, null);
        Client c = fixture.online("c");

        CompletableFuture<Entered> full = rooms.enter(c, roomId, null);
        assertThat(error(full)).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(message(full)).contains("rooms.maxMembers = 2");
        assertThat(c.roomIds()).isEmpty();
    }

    @Test
    void maxRoomsPerClientIsEnforced() {
        use(new RoomFixture(RoomFixture.settings(100, 10, 2, 60_000)));
        Client alice = fixture.online("alice");
        String one = open(alice);
        String two = open(alice);
        String three = open(alice);
        entered(alice, one, null);
        entered(alice, two, null);

        CompletableFuture<Entered> tooMany = rooms.enter(alice, three, null);
        assertThat(error(tooMany)).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(message(tooMany)).contains("rooms.maxRoomsPerClient = 2");
        assertThat(alice.roomIds()).containsExactlyInAnyOrder(one, two);
        assertThat(rooms.status(three).clientSize()).isZero();

        done(rooms.leave(alice, one));
        assertThat(entered(alice, three, null).clientId()).isEqualTo("alice");
    }

    @Test
    void aClientOfflineBeforeItsEnterRunsIsNotAdmitted() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = open(alice);
        fixture.registry.remove(bob);

        assertThat(error(rooms.enter(bob, roomId, null))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(bob.roomIds()).isEmpty();
        assertThat(rooms.status(roomId).clientSize()).isZero();
    }

    @Test
    void aTakenOverConnectionIsReplacedWhenTheNewOneEnters() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = openAndEntered(alice);
        entered(bob, roomId, null);
        Client bobAgain = fixture.online("bob");
        inbox(alice).clear();

        entered(bobAgain, roomId, null);

        assertThat(inbox(alice).signals()).containsExactly("room::leave", "room::enter");
        assertThat(bob.roomIds()).isEmpty();
        assertThat(bobAgain.roomIds()).containsExactly(roomId);
        assertThat(done(rooms.members(alice, roomId))).hasSize(2);
    }

    // ---- invite ----

    @Test
    void anInvitationLetsTheInviteeInOnceWithoutThePassword() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = lockedAndEntered(alice, "pw");

        done(rooms.invite(alice, roomId, "bob"));

        Notification invite = inbox(bob).of("room::invite").get(0);
        assertThat(body(invite)).containsEntry("roomId", roomId).containsEntry("name", "locked room")
                .containsEntry("clientId", "bob").containsEntry("from", "alice").containsEntry("passwordProtected", true)
                .doesNotContainKeys("password", "passowrd");
        assertThat(entered(bob, roomId, null).clientId()).isEqualTo("bob");

        done(rooms.leave(bob, roomId));
        assertThat(error(rooms.enter(bob, roomId, null))).as("single use").isEqualTo(ErrorCode.UNAUTHORIZED);
    }

    @Test
    void anInvitationExpires() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = lockedAndEntered(alice, "pw");
        done(rooms.invite(alice, roomId, "bob"));

        fixture.clock.advance(Duration.ofMillis(60_001));

        assertThat(error(rooms.enter(bob, roomId, null))).isEqualTo(ErrorCode.UNAUTHORIZED);
    }

    @Test
    void anInvitationIsBoundToTheInviteesAccount() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = lockedAndEntered(alice, "pw");
        done(rooms.invite(alice, roomId, "bob"));
        fixture.registry.remove(bob);
        Client impostor = fixture.online("bob", "mallory", Role.USER);

        assertThat(error(rooms.enter(impostor, roomId, null))).isEqualTo(ErrorCode.UNAUTHORIZED);
    }

    @Test
    void inviteRules() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        String roomId = open(alice);
        entered(bob, roomId, null);

        assertThat(error(rooms.invite(carol, roomId, "alice"))).as("a non-member").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error(rooms.invite(bob, roomId, "nobody"))).as("offline invitee").isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error(rooms.invite(bob, "no-room", "carol"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error(rooms.invite(alice, roomId, "bob"))).as("already in").isEqualTo(ErrorCode.CONFLICT);
        done(rooms.invite(alice, roomId, "carol"));
        assertThat(inbox(carol).signals()).contains("room::invite");
    }

    // ---- leave, offline ----

    @Test
    void leaveTellsTheOthersOnly() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = openAndEntered(alice);
        entered(bob, roomId, null);
        inbox(bob).clear();

        done(rooms.leave(bob, roomId));

        assertThat(inbox(alice).of("room::leave")).singleElement()
                .satisfies(n -> assertThat(body(n)).isEqualTo(Map.of("roomId", roomId, "clientId", "bob")));
        assertThat(inbox(bob).all()).isEmpty();
        assertThat(bob.roomIds()).isEmpty();
        assertThat(done(rooms.members(alice, roomId))).extracting(ClientStatus::clientId).containsExactly("alice");
    }

    @Test
    void leavingARoomOneIsNotInIsNotFound() {
        Client alice = fixture.online("alice");
        String roomId = open(alice);
        CompletableFuture<Void> leave = rooms.leave(alice, roomId);
        assertThat(error(leave)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(message(leave)).contains("not in room");
        assertThat(error(rooms.leave(alice, "no-room"))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void goingOfflineLeavesEveryRoom() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String one = open(alice);
        String two = open(alice);
        for (String roomId : List.of(one, two)) {
            entered(alice, roomId, null);
            entered(bob, roomId, null);
        }

        fixture.clients.offline(bob);
        fixture.settle(one);
        fixture.settle(two);

        assertThat(inbox(alice).of("room::leave")).hasSize(2);
        assertThat(bob.roomIds()).isEmpty();
        assertThat(rooms.status(one).clientSize()).isEqualTo(1);
        assertThat(rooms.status(two).clientSize()).isEqualTo(1);
    }

    // ---- close ----

    @Test
    void onlyOwnerModeratorOrAdminMayClose() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = open(alice);
        entered(bob, roomId, null);

        assertThat(error(rooms.close(bob, roomId))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(rooms.list()).hasSize(1);

        done(rooms.addModerator(alice, roomId, "bob"));
        done(rooms.close(bob, roomId));
        assertThat(rooms.list()).isEmpty();
    }

    @Test
    void closeTellsEveryMemberAndTheCloserAndFreesEverything() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        Client root = fixture.admin("root");
        String roomId = openAndEntered(alice);
        entered(bob, roomId, null);
        inbox(alice).clear();
        inbox(bob).clear();
        inbox(root).clear();

        done(rooms.close(root, roomId));

        for (Client told : List.of(alice, bob, root)) {
            assertThat(inbox(told).of("room::close")).as(told.clientId()).singleElement()
                    .satisfies(n -> assertThat(body(n)).isEqualTo(Map.of("roomId", roomId)));
        }
        assertThat(inbox(carol).of("room::close")).isEmpty();
        assertThat(alice.roomIds()).isEmpty();
        assertThat(bob.roomIds()).isEmpty();
        assertThat(error(rooms.enter(bob, roomId, null))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void theOwnerClosingWhileInTheRoomIsToldOnce() {
        Client alice = fixture.online("alice");
        String roomId = openAndEntered(alice);
        done(rooms.close(alice, roomId));
        assertThat(inbox(alice).of("room::close")).hasSize(1);
    }

    @Test
    void ownershipBindsTheAccountNotJustTheClientId() {
        Client alice = fixture.online("alice");
        String roomId = open(alice);
        fixture.registry.remove(alice);
        Client impostor = fixture.online("alice", "mallory", Role.USER);

        assertThat(error(rooms.close(impostor, roomId))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    // ---- expel ----

    @Test
    void expelRemovesTheMemberAndTellsEveryone() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        String roomId = open(alice);
        for (Client client : List.of(alice, bob, carol)) {
            entered(client, roomId, null);
        }
        inbox(alice).clear();
        inbox(bob).clear();
        inbox(carol).clear();

        done(rooms.expel(alice, roomId, "bob"));

        assertThat(inbox(bob).signals()).containsExactly("room::expel");
        assertThat(body(inbox(bob).all().get(0))).isEqualTo(Map.of("roomId", roomId, "clientId", "bob"));
        assertThat(inbox(alice).signals()).containsExactly("room::leave");
        assertThat(inbox(carol).signals()).containsExactly("room::leave");
        assertThat(bob.roomIds()).isEmpty();
        assertThat(error(rooms.broadcast(bob, roomId, Map.of()))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void expelRules() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        Client root = fixture.admin("root");
        String roomId = open(alice);
        for (Client client : List.of(alice, bob, carol)) {
            entered(client, roomId, null);
        }

        assertThat(error(rooms.expel(bob, roomId, "carol"))).as("a plain member").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error(rooms.expel(alice, roomId, "nobody"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error(rooms.expel(alice, roomId, "alice"))).as("oneself").isEqualTo(ErrorCode.CONFLICT);
        assertThat(error(rooms.expel(alice, "no-room", "bob"))).isEqualTo(ErrorCode.NOT_FOUND);
        done(rooms.addModerator(alice, roomId, "bob"));
        assertThat(error(rooms.addModerator(bob, roomId, "carol"))).as("only the owner names").isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error(rooms.expel(bob, roomId, "alice"))).as("a moderator, the owner").isEqualTo(ErrorCode.FORBIDDEN);
        done(rooms.expel(bob, roomId, "carol"));
        done(rooms.expel(root, roomId, "alice"));
        assertThat(done(rooms.members(bob, roomId))).extracting(ClientStatus::clientId).containsExactly("bob");
    }

    // ---- broadcast, members, media ids ----

    @Test
    void broadcastReachesTheOtherMembersOnly() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        String roomId = openAndEntered(alice);
        entered(bob, roomId, null);
        inbox(alice).clear();
        inbox(carol).clear();
        Object payload = Map.of("roomId", roomId, "text", "hello");

        done(rooms.broadcast(alice, roomId, payload));

        assertThat(inbox(bob).of("room::broadcast")).singleElement().extracting(Notification::body).isEqualTo(payload);
        assertThat(inbox(alice).all()).isEmpty();
        assertThat(inbox(carol).all()).isEmpty();
        assertThat(error(rooms.broadcast(carol, roomId, payload))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error(rooms.broadcast(carol, "no-room", payload))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void membersAreForMembersAndAdmins() {
        Client alice = fixture.online("alice");
        Client carol = fixture.online("carol");
        Client root = fixture.admin("root");
        String roomId = openAndEntered(alice);

        assertThat(done(rooms.members(alice, roomId))).extracting(ClientStatus::clientId).containsExactly("alice");
        assertThat(done(rooms.members(root, roomId))).hasSize(1);
        assertThat(error(rooms.members(carol, roomId))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error(rooms.members(alice, "no-room"))).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void mediaIdsAreEmptyWithoutMedia() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        Client carol = fixture.online("carol");
        String roomId = openAndEntered(alice);
        entered(bob, roomId, null);

        assertThat(done(rooms.mediaIds(alice, roomId, null))).isEqualTo(MemberMediaIds.none(roomId, "alice"));
        assertThat(done(rooms.mediaIds(alice, roomId, "bob")).clientId()).isEqualTo("bob");
        assertThat(error(rooms.mediaIds(alice, roomId, "carol"))).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(error(rooms.mediaIds(carol, roomId, "alice"))).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void attachedMediaIsToldOfDeparturesAndClose() {
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = open(alice);
        List<String> calls = new CopyOnWriteArrayList<>();
        done(rooms.attachMedia(roomId, new RoomMedia() {
            @Override
            public void memberLeft(String clientId) {
                calls.add("left " + clientId);
            }

            @Override
            public MemberMediaIds mediaIds(String room, String clientId) {
                return new MemberMediaIds(room, clientId, List.of("d1"), List.of(), List.of("a1"), List.of(), List.of(),
                        List.of());
            }

            @Override
            public void close() {
                calls.add("close");
            }
        }));
        entered(alice, roomId, null);
        entered(bob, roomId, null);

        assertThat(done(rooms.mediaIds(bob, roomId, null)).audioProducers()).containsExactly("a1");
        done(rooms.leave(bob, roomId));
        done(rooms.close(alice, roomId));

        assertThat(calls).containsExactly("left bob", "close");
    }

    // ---- empty rooms ----

    @Test
    void anEmptyRoomClosesAfterTheGraceSilently() {
        use(new RoomFixture(RoomFixture.settings(100, 10, 4, 150)));
        Client alice = fixture.online("alice");
        Client bob = fixture.online("bob");
        String roomId = openAndEntered(alice);
        done(rooms.leave(alice, roomId));

        eventually(() -> rooms.list().isEmpty());
        assertThat(inbox(alice).of("room::close")).isEmpty();
        assertThat(inbox(bob).of("room::close")).isEmpty();
        assertThat(done(rooms.create(alice, "again", null, null))).isNotNull();
    }

    @Test
    void aCreatedRoomNobodyEntersCloses() {
        use(new RoomFixture(RoomFixture.settings(100, 10, 4, 100)));
        open(fixture.online("alice"));
        eventually(() -> rooms.list().isEmpty());
    }

    @Test
    void enteringWithinTheGraceKeepsTheRoom() {
        ManualScheduler timers = new ManualScheduler();
        use(new RoomFixture(RoomFixture.settings(100, 10, 4, 300), timers));
        Client alice = fixture.online("alice");
        String roomId = openAndEntered(alice);
        done(rooms.leave(alice, roomId));
        assertThat(timers.pending()).as("the empty-room timer").isEqualTo(1);

        entered(alice, roomId, null);
        assertThat(timers.pending()).as("cancelled by the entry").isZero();
        timers.advance(Duration.ofMillis(300));
        fixture.settle(roomId);
        assertThat(rooms.status(roomId).clientSize()).isEqualTo(1);

        // Empty again: a full grace of its own, counted from this leave.
        done(rooms.leave(alice, roomId));
        timers.advance(Duration.ofMillis(299));
        fixture.settle(roomId);
        assertThat(rooms.list()).hasSize(1);
        timers.advance(Duration.ofMillis(1));
        fixture.settle(roomId);
        assertThat(rooms.list()).isEmpty();
    }

    @Test
    void aTimerThatFiredAsTheRoomWasReenteredClosesNothing() {
        ManualScheduler timers = new ManualScheduler();
        use(new RoomFixture(RoomFixture.settings(100, 10, 4, 300), timers));
        Client alice = fixture.online("alice");
        String roomId = openAndEntered(alice);
        done(rooms.leave(alice, roomId));

        // The room's turn is busy with alice entering and leaving again when the timer fires: too late to
        // cancel it, its check runs after them and finds the room empty, but under a newer timer.
        Gate first = gate(roomId);
        first.awaitRunning();
        CompletableFuture<Entered> reentered = rooms.enter(alice, roomId, null);
        Gate second = gate(roomId);
        first.release();
        second.awaitRunning(); // enter's admission has run: its admit waits behind this gate
        CompletableFuture<Void> leftAgain = rooms.leave(alice, roomId);
        timers.advance(Duration.ofMillis(300));
        second.release();
        done(reentered);
        done(leftAgain);
        fixture.settle(roomId);
        assertThat(rooms.list()).as("the old timer closed nothing").hasSize(1);

        timers.advance(Duration.ofMillis(300));
        fixture.settle(roomId);
        assertThat(rooms.list()).as("the newer timer closes it").isEmpty();
    }

    /** Queues a task that holds the room's turn, from when it runs until released. */
    private Gate gate(String roomId) {
        Gate gate = new Gate();
        rooms.inRoom(roomId, room -> {
            gate.running.countDown();
            await(gate.released);
            return null;
        });
        return gate;
    }

    private static final class Gate {
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        void awaitRunning() {
            await(running);
        }

        void release() {
            released.countDown();
        }
    }

    // ---- no leaks ----

    @Test
    void manyConcurrentEntersAndLeavesLeaveNothingBehind() {
        use(new RoomFixture(RoomFixture.settings(100, 1000, 4, 60_000)));
        Client owner = fixture.online("owner");
        String roomId = open(owner);
        List<Client> crowd = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            crowd.add(fixture.online("c" + i));
        }
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Client client : crowd) {
            all.add(rooms.enter(client, roomId, null).thenCompose(entered -> rooms.leave(client, roomId)));
        }
        done(CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)));

        assertThat(rooms.status(roomId).clientSize()).isZero();
        assertThat(crowd).allSatisfy(client -> assertThat(client.roomIds()).isEmpty());
    }
}
