package dev.hongyan.gateway.nativeprotocol.room;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.Map;

/** room::enter: become a member; the others are told, the newcomer gets the member list. */
public final class RoomEnterHandler implements SignalHandler<EnterRoomBody> {

    private static final SignalSpec<EnterRoomBody> SPEC = new SignalSpec<>("room::enter", EnterRoomBody.class,
            Access.CLIENT,
            "Enters a room. The other members are told; the newcomer then receives room::client::list.",
            """
            {
                "roomId"  : "room id",
                "password": "room password (when the room has one; \\"passowrd\\" is read too)"
            }""",
            """
            {"roomId": "room id", "clientId": "the newcomer's id"}  (reply)
            {"roomId": "room id", "clientId": "the newcomer's id", "status": {the newcomer's status, as in client::list}}
                (room::enter to the other members)
            [{member status}, ...]  (room::client::list to the newcomer, after the reply; the newcomer included)""",
            """
            terminal=>server
            terminal->server-[room::enter])room members
            terminal=[room::enter]>server-[room::client::list]>terminal""",
            """
            No password is needed for a room without one, for an admin, or for a terminal holding an unexpired
            room::invite (the invitation is used up by entering). Otherwise a missing or wrong password: 3401;
            after repeated wrong passwords for one room from one terminal: 3429 with the wait, whatever the
            password; another room::enter while this terminal's previous password check for the room is still
            running: 3429. Already in the room: 3409. No such room: 3404. The room holds rooms.maxMembers members,
            or the terminal is already in rooms.maxRoomsPerClient rooms: 3413, naming the limit. The same
            clientId entering again over a new connection (a takeover) replaces the old membership: the
            members hear room::leave, then room::enter.""");

    private final RoomService rooms;

    public RoomEnterHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<EnterRoomBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, EnterRoomBody body) {
        Client client = context.client();
        rooms.enter(client, body.roomId(), body.password()).whenComplete((entered, failure) -> {
            if (failure != null) {
                context.fail(failure);
                return;
            }
            context.reply(Map.of("roomId", entered.room().roomId(), "clientId", entered.clientId()));
            client.push(Notification.of("room::client::list", entered.members()));
        });
    }
}
