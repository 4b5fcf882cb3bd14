package dev.hongyan.bench;

import java.time.Duration;

/** Options every scenario shares: the target, who the clients are, how connections are opened. */
record BenchSettings(Target target, Credentials credentials, String clientPrefix, String clientType,
        int concurrency, int ioThreads, Duration connectTimeout, Duration requestTimeout, String sourceBase,
        int perSource, long serverPid, long settleMillis, String signalVersion) {

    static BenchSettings from(Options options) {
        String url = options.string("url", "ws://127.0.0.1:8888/websocket.signal");
        String metrics = options.string("metrics-url", "");
        String account = options.string("account", "bench");
        String password = options.string("password", "bench-pw");
        String accounts = options.string("accounts", "");
        return new BenchSettings(
                Target.of(url, metrics),
                Credentials.parse(accounts.isBlank() ? account + ":" + password : accounts),
                options.string("client-prefix", "bench-"),
                options.string("client-type", "WEB"),
                options.integer("concurrency", 200, 1, 10_000),
                options.integer("io-threads", Runtime.getRuntime().availableProcessors(), 1, 64),
                Duration.ofMillis(options.integer("connect-timeout-ms", 10_000, 100, 600_000)),
                Duration.ofMillis(options.integer("request-timeout-ms", 10_000, 100, 600_000)),
                options.string("source-base", "127.0.0.2"),
                options.integer("per-source", 10_000, 1, 28_000),
                options.integer("server-pid", 0, 0, Integer.MAX_VALUE),
                options.integer("settle-ms", 2_000, 0, 600_000),
                options.string("signal-version", "1.0.0"));
    }

    static final String HELP = """
            Common options (every scenario):
              --url URL                  server WebSocket (ws://127.0.0.1:8888/websocket.signal); loopback only
              --metrics-url URL          Prometheus metrics (default http://HOST:PORT/metrics of --url)
              --account NAME --password PW   the account clients register with (bench / bench-pw)
              --accounts a:pw,b:pw       several accounts, used round-robin (overrides --account)
              --client-prefix P          clientId prefix (bench-); ids are P<scenario>-<pid>r<run>-<n>
              --client-type T            clientType sent in client::register (WEB)
              --concurrency N            handshakes+registers in flight at once (200)
              --io-threads N             load generator event loops (cores)
              --connect-timeout-ms N     TCP connect bound (10000)
              --request-timeout-ms N     bound on every request and on the WebSocket handshake (10000)
              --source-base A --per-source N   clients bind 127.x.y.z source addresses from A, N per address
                                         (127.0.0.2, 10000): one source address has ~28k ephemeral ports
              --server-pid PID           lets the bench run `jcmd PID GC.run` before reading heap figures;
                                         without it heap figures include uncollected garbage (upper bounds)
              --settle-ms N              pause before reading the server's metrics (2000)
              --signal-version V         header.v (1.0.0)
              --runs N                   repeat the scenario N times; the table shows each run and the median
              --warmup-runs N            runs first and leave out of the figures (JIT warm-up of both sides) (0)
              --out FILE                 JSON results (bench-results/<scenario>-<timestamp>.json)
              --max-seconds N            hard bound on one run (scenario default)
            """;

    /** clientId of client {@code i} in run {@code run} of {@code scenario}; unique per run, so no takeovers. */
    String clientId(String scenario, int run, int i) {
        return clientPrefix + scenario + "-" + Long.toString(ProcessHandle.current().pid(), 36) + "r" + run + "-" + i;
    }

    ServerProbe probe() {
        return new ServerProbe(target.metrics(), serverPid, target.webSocket().getPath());
    }

    SourceAddresses sources(int clients, int run) {
        int needed = Math.max(1, (clients + perSource - 1) / perSource);
        return SourceAddresses.plan(sourceBase, clients, perSource, run * needed);
    }
}
