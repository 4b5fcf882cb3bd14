package dev.hongyan.server.tls;

import dev.hongyan.server.ServerSettings.Tls;
import dev.hongyan.server.config.ConfigException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Builds the server's TLS context from the {@code http.tls} settings, failing with the key and file at fault. */
public final class SslContexts {

    private SslContexts() {}

    public static SslContext server(Tls tls) {
        try {
            SslContextBuilder builder;
            if (!tls.keyStore().isEmpty()) {
                builder = SslContextBuilder.forServer(keyManagers(tls));
            } else {
                if (tls.certificateChain().isEmpty() || tls.privateKey().isEmpty()) {
                    throw new ConfigException("http.tls.enabled is true but neither http.tls.keyStore nor both "
                            + "http.tls.certificateChain and http.tls.privateKey are set");
                }
                X509Certificate[] chain = readChain(Path.of(tls.certificateChain()));
                PrivateKey key = readKey(Path.of(tls.privateKey()));
                builder = SslContextBuilder.forServer(key, chain);
            }
            return builder.sslProvider(SslProvider.JDK).build();
        } catch (IOException e) {
            throw new ConfigException("http.tls: cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory keyManagers(Tls tls) {
        Path file = Path.of(tls.keyStore());
        char[] password = tls.keyStorePassword().toCharArray();
        try (InputStream in = open(file, "http.tls.keyStore")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("http.tls.keyStore: cannot load PKCS#12 key store " + file + " (wrong "
                    + "http.tls.keyStorePassword?): " + e.getMessage(), e);
        }
    }

    static X509Certificate[] readChain(Path file) {
        try (InputStream in = open(file, "http.tls.certificateChain")) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : certificates) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new ConfigException("http.tls.certificateChain: no certificate in " + file);
            }
            return chain.toArray(new X509Certificate[0]);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("http.tls.certificateChain: cannot read PEM certificates from " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** Accepts PKCS#8 ("PRIVATE KEY") and the traditional "EC PRIVATE KEY" / "RSA PRIVATE KEY" forms. */
    static PrivateKey readKey(Path file) {
        requireReadable(file, "http.tls.privateKey");
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo()); // the public half is optional in "EC PRIVATE KEY"
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new ConfigException("http.tls.privateKey: " + file + " holds no unencrypted private key"
                    + (object == null ? "" : " (found " + object.getClass().getSimpleName() + ")"));
        } catch (IOException e) {
            throw new ConfigException("http.tls.privateKey: cannot read PEM key from " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file, String key) throws IOException {
        requireReadable(file, key);
        return Files.newInputStream(file);
    }

    private static void requireReadable(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key + ": file " + file.toAbsolutePath() + " does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(key + ": file " + file.toAbsolutePath() + " is not readable");
        }
    }
}
