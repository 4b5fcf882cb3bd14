package dev.hongyan.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void seedParsesRolesAndAcceptsEncodedHashes() {
        AccountStore store = new AccountStore(random);
        String hash = PasswordHash.create("secret", random).encode();
        store.seed("admin:pw:admin, cam1:" + hash + ":device+user ,plain:pw");
        assertThat(store.find("admin").orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(store.find("cam1").orElseThrow().roles()).containsExactlyInAnyOrder(Role.DEVICE, Role.USER);
        assertThat(store.find("cam1").orElseThrow().passwordHash().matches("secret")).isTrue();
        assertThat(store.find("plain").orElseThrow().roles()).containsExactly(Role.USER);
        assertThatThrownBy(() -> store.seed("broken")).hasMessageContaining("name:password:role");
        assertThatThrownBy(() -> store.seed("x:y:wizard")).hasMessageContaining("unknown role");
    }

    @Test
    void hashesRoundTripAndNeverMatchWrongPasswords() {
        PasswordHash hash = PasswordHash.create("correct horse", random);
        PasswordHash parsed = PasswordHash.parse(hash.encode());
        assertThat(parsed.matches("correct horse")).isTrue();
        assertThat(parsed.matches("correct horse ")).isFalse();
        assertThat(hash.encode()).startsWith("pbkdf2-sha256$120000$").doesNotContain("correct");
    }

    @Test
    void randomAdminIsCreatedWithAStrongPassword() {
        AccountStore store = new AccountStore(random);
        String password = store.createRandomAdmin();
        assertThat(password).hasSize(20);
        assertThat(store.find("admin").orElseThrow().isAdmin()).isTrue();
    }

    @Test
    void authenticatorThrottlesPerNameAndAddressAndUsesTheVerifiedCache() {
        MutableClock clock = new MutableClock();
        AccountStore store = new AccountStore(random);
        store.add("bob", "bob-pw", EnumSet.of(Role.USER));
        Authenticator auth = new Authenticator(store, new LoginThrottle(clock, 3, 60_000, 10_000), random);
        assertThat(auth.authenticate("bob", "bob-pw", "1.1.1.1").username()).isEqualTo("bob");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> auth.authenticate("bob", "bad", "1.1.1.1"))
                    .isInstanceOf(CoreException.class).extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        }
        assertThatThrownBy(() -> auth.authenticate("bob", "bob-pw", "1.1.1.1"))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(auth.authenticate("bob", "bob-pw", "2.2.2.2").username()).as("other address unaffected").isEqualTo("bob");
        clock.advance(10_001);
        assertThat(auth.authenticate("bob", "bob-pw", "1.1.1.1").username()).isEqualTo("bob");
        assertThatThrownBy(() -> auth.authenticate("nobody", "x", "1.1.1.1")).hasMessage("wrong username or password");
    }

    private static final class MutableClock extends Clock {
        private long millis = 1_700_000_000_000L;

        void advance(long delta) {
            millis += delta;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
