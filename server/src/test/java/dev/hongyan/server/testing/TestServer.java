package dev.hongyan.server.testing;

import dev.hongyan.server.HongyanApplication;
import dev.hongyan.server.config.Config;
import java.util.Map;

/**
 * The real server, started on a free loopback port with test accounts and any YAML overrides. Tests
 * talk to it over real sockets only.
 */
public final class TestServer implements AutoCloseable {

    /** admin (admin), alice and bob (users), carol (user), cam (device). Passwords: name + "-pw". */
    public static final String ACCOUNTS = "admin:admin-pw:admin,alice:alice-pw:user,bob:bob-pw:user,"
            + "carol:carol-pw:user,cam:cam-pw:device";

    private final HongyanApplication application;

    private TestServer(HongyanApplication application) {
        this.application = application;
    }

    public static TestServer start() {
        return start("");
    }

    /** @param yaml extra configuration, merged over the defaults and the test base below */
    public static TestServer start(String yaml) {
        String base = """
                http:
                  host: 127.0.0.1
                  port: 0
                accounts: "%s"
                media:
                  listenIp: 127.0.0.1
                  udpPort: 0
                """.formatted(ACCOUNTS);
        Config config = Config.fromYaml(merge(base, yaml), Map.of());
        return new TestServer(HongyanApplication.start(config));
    }

    /** Later top-level sections override earlier ones whole, so tests repeat the http section if they touch it. */
    private static String merge(String base, String extra) {
        if (extra.isBlank()) {
            return base;
        }
        StringBuilder merged = new StringBuilder();
        java.util.Set<String> overridden = new java.util.HashSet<>();
        for (String line : extra.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && line.contains(":")) {
                overridden.add(line.substring(0, line.indexOf(':')).trim());
            }
        }
        boolean skipping = false;
        for (String line : base.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                skipping = overridden.contains(line.substring(0, line.indexOf(':')).trim());
            }
            if (!skipping) {
                merged.append(line).append('\n');
            }
        }
        return merged.append(extra).append('\n').toString();
    }

    public HongyanApplication application() {
        return application;
    }

    public int port() {
        return application.port();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String nativeUrl() {
        return "ws://127.0.0.1:" + port() + "/websocket.signal";
    }

    public SignalClient connect() {
        return SignalClient.connect(nativeUrl());
    }

    /** Connects and registers {@code clientId} under {@code account} (password account + "-pw"). */
    public SignalClient register(String account, String clientId) {
        return register(account, clientId, "WEB");
    }

    public SignalClient register(String account, String clientId, String clientType) {
        SignalClient client = connect();
        client.registerAs(account, account + "-pw", clientId, clientType);
        return client;
    }

    @Override
    public void close() {
        application.stop();
    }
}
