package dev.hongyan.core.session;

import dev.hongyan.core.client.ClientEndpoint;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the server pushed to one client. */
final class RecordingEndpoint implements ClientEndpoint {

    final List<Notification> pushed = new CopyOnWriteArrayList<>();

    @Override
    public void push(Notification notification) {
        pushed.add(notification);
    }

    @Override
    public CompletableFuture<Object> request(Notification request, Duration timeout) {
        pushed.add(request);
        return new CompletableFuture<>();
    }

    @Override
    public void close(ErrorCode reason, String message) {}

    List<String> signals() {
        return pushed.stream().map(Notification::signal).toList();
    }

    Notification last() {
        return pushed.get(pushed.size() - 1);
    }
}
