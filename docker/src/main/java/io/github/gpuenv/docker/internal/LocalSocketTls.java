package io.github.gpuenv.docker.internal;

import com.github.dockerjava.transport.SSLConfig;
import java.net.URI;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS configuration handed to docker-java's zerodep transport. For a {@code unix://} or {@code npipe://}
 * endpoint, which never speaks TLS, it is an inert {@link SSLContext}: the transport always builds a TLS strategy
 * and, given no context, initialises the JDK's default one (the cacerts keystore, the providers' cipher suites:
 * about a tenth of a second of a cold start) only to never use it. Any other endpoint gets docker-java's own
 * configuration ({@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}) unchanged.
 *
 * <p>{@code transport.sslConfig(LocalSocketTls.forEndpoint(config.getDockerHost(), config.getSSLConfig()))}
 */
public final class LocalSocketTls {

    private static final SSLConfig UNUSED = InertContext::new;

    private LocalSocketTls() {
    }

    /** {@code configured} for TCP endpoints; an inert context for local sockets and named pipes. */
    public static SSLConfig forEndpoint(URI endpoint, SSLConfig configured) {
        String scheme = endpoint == null ? null : endpoint.getScheme();
        if ("unix".equalsIgnoreCase(scheme) || "npipe".equalsIgnoreCase(scheme)) {
            return UNUSED;
        }
        requireCertificates(configured);
        return configured;
    }

    /**
     * With {@code DOCKER_TLS_VERIFY} set, docker-java silently falls back to the JDK's default trust store when
     * {@code DOCKER_CERT_PATH} lacks a file; gpuenv fails instead, naming what is missing (an {@link SSLException},
     * so the failure is of kind TLS).
     */
    private static void requireCertificates(SSLConfig configured) {
        if (configured instanceof com.github.dockerjava.core.LocalDirectorySSLConfig local) {
            java.nio.file.Path dir = java.nio.file.Path.of(local.getDockerCertPath());
            java.util.List<String> missing = java.util.stream.Stream.of("ca.pem", "cert.pem", "key.pem")
                    .filter(f -> !java.nio.file.Files.isReadable(dir.resolve(f))).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(new SSLException("DOCKER_TLS_VERIFY is set but DOCKER_CERT_PATH "
                        + dir + " lacks " + String.join(", ", missing)));
            }
        }
    }

    /** An {@link SSLContext} that costs nothing to create and fails if anything tries to speak TLS with it. */
    private static final class InertContext extends SSLContext {
        InertContext() {
            super(new Refusing(), null, "none");
        }
    }

    private static final class Refusing extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("TLS is not used on a local Docker socket or named pipe");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
