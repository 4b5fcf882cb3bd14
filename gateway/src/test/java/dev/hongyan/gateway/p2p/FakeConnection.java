package dev.hongyan.gateway.p2p;

import dev.hongyan.gateway.connection.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** A connection that keeps what was sent on it. */
final class FakeConnection implements Connection {

    final List<String> sent = new CopyOnWriteArrayList<>();
    volatile int closeCode;
    private volatile boolean open = true;
    private final String id;

    FakeConnection(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteIp() {
        return "127.0.0.1";
    }

    @Override
    public boolean sendText(String text) {
        if (!open) {
            return false;
        }
        sent.add(text);
        return true;
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    String last() {
        return sent.get(sent.size() - 1);
    }
}
