package io.streamtune.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link RestSchemaRegistryClient} needs to reach a registry. Build with {@link #builder(List)}.
 *
 * <p>Several base URLs name replicas of one registry: a call that gets no answer moves on to the next one.
 */
public final class RegistryClientConfig {

    private final List<URI> baseUrls;
    private final String basicAuthUserInfo;
    private final String bearerToken;
    private final TrustStore trustStore;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryPolicy retryPolicy;

    private RegistryClientConfig(Builder builder) {
        this.baseUrls = List.copyOf(builder.baseUrls);
        this.basicAuthUserInfo = builder.basicAuthUserInfo;
        this.bearerToken = builder.bearerToken;
        this.trustStore = builder.trustStore;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.retryPolicy = builder.retryPolicy;
    }

    /** A builder for a registry at these base URLs (e.g. {@code http://localhost:8081}). */
    public static Builder builder(List<URI> baseUrls) {
        return new Builder(baseUrls);
    }

    /** A config for one base URL with all defaults. */
    public static RegistryClientConfig of(String baseUrl) {
        return builder(List.of(URI.create(baseUrl))).build();
    }

    public List<URI> baseUrls() {
        return baseUrls;
    }

    /** The {@code user:password} for HTTP basic auth, if any. */
    public Optional<String> basicAuthUserInfo() {
        return Optional.ofNullable(basicAuthUserInfo);
    }

    /** The token for HTTP bearer auth, if any. */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /** The trust store for TLS, if the JVM's default trust is not enough. */
    public Optional<TrustStore> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a whole answer once a request is sent. */
    public Duration readTimeout() {
        return readTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public String toString() {
        return "RegistryClientConfig[baseUrls=" + baseUrls + ", basicAuth=" + (basicAuthUserInfo != null)
                + ", bearerAuth=" + (bearerToken != null) + ", trustStore=" + trustStore + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", retryPolicy=" + retryPolicy + "]";
    }

    /** Builds a {@link RegistryClientConfig}; only the base URLs are required. */
    public static final class Builder {
        private final List<URI> baseUrls;
        private String basicAuthUserInfo;
        private String bearerToken;
        private TrustStore trustStore;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

        private Builder(List<URI> baseUrls) {
            if (baseUrls == null || baseUrls.isEmpty()) {
                throw new IllegalArgumentException("at least one registry base URL is required");
            }
            this.baseUrls = List.copyOf(baseUrls);
        }

        /** HTTP basic auth with {@code user:password}. */
        public Builder basicAuth(String userInfo) {
            if (userInfo != null && !userInfo.contains(":")) {
                throw new IllegalArgumentException("basic auth user info must be user:password");
            }
            this.basicAuthUserInfo = userInfo;
            return this;
        }

        /** HTTP bearer auth with a static token. */
        public Builder bearerToken(String token) {
            this.bearerToken = token;
            return this;
        }

        public Builder trustStore(TrustStore trustStore) {
            this.trustStore = trustStore;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = requirePositive(timeout, "readTimeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public RegistryClientConfig build() {
            if (basicAuthUserInfo != null && bearerToken != null) {
                throw new IllegalArgumentException("choose basic auth or a bearer token, not both");
            }
            return new RegistryClientConfig(this);
        }

        private static Duration requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
