package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.github.gpuenv.docker.ContainerInterruptedException;
import io.github.gpuenv.docker.DockerGpuException;
import io.github.gpuenv.docker.ImageNotFoundException;
import io.github.gpuenv.docker.PullListener;
import io.github.gpuenv.docker.PullPolicy;
import io.github.gpuenv.docker.PullProgress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an image present according to a {@link PullPolicy}, reporting pull progress; registry credentials are
 * docker-java's ({@code ~/.docker/config.json}, credential helpers, {@code DOCKER_CONFIG}), never logged by gpuenv
 * (docker-java's transport logs request headers, {@code X-Registry-Auth} among them, at DEBUG under
 * {@code com.github.dockerjava.zerodep.shaded.org.apache.hc.client5.http.headers}: keep that logger at INFO).
 *
 * <p>{@code boolean pulled = ImagePuller.ensure(connection, "busybox:1.36", PullPolicy.MISSING, Duration.ofMinutes(5), PullListener.none());}
 */
public final class ImagePuller {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);

    private ImagePuller() {
    }

    /**
     * Applies {@code policy}; returns whether a pull happened.
     *
     * @throws ImageNotFoundException when the image is absent under {@link PullPolicy#NEVER}, or the registry
     *         does not have it
     */
    public static boolean ensure(EngineConnection connection, String image, PullPolicy policy, Duration timeout,
                                 PullListener listener) {
        return ensure(connection, image, policy, timeout, RunDeadline.after(Optional.empty()), listener);
    }

    /** Like {@link #ensure(EngineConnection, String, PullPolicy, Duration, PullListener)}, its image check within {@code deadline}. */
    public static boolean ensure(EngineConnection connection, String image, PullPolicy policy, Duration timeout,
                                 RunDeadline deadline, PullListener listener) {
        if (policy != PullPolicy.ALWAYS && present(connection, image, deadline)) {
            return false;
        }
        requirePullAllowed(connection, image, policy);
        pull(connection, image, timeout, listener);
        return true;
    }

    private static void requirePullAllowed(EngineConnection connection, String image, PullPolicy policy) {
        if (policy == PullPolicy.NEVER) {
            throw new ImageNotFoundException("use image " + image, "image " + image + " is not present on the"
                    + " Docker Engine at " + connection.endpoint() + " and the pull policy is never",
                    "pull it first (`docker pull " + image + "`), or use pull policy missing", null);
        }
    }

    /** Whether the engine has {@code image} (within the request timeout). */
    public static boolean present(EngineConnection connection, String image) {
        return present(connection, image, RunDeadline.after(Optional.empty()));
    }

    /** Whether the engine has {@code image}, answered within {@code deadline} and the request timeout. */
    public static boolean present(EngineConnection connection, String image, RunDeadline deadline) {
        return inspect(connection, image, deadline).isPresent();
    }

    /**
     * The engine's inspection of {@code image} ({@code GET /images/{name}/json}), answered within {@code deadline}
     * and the request timeout; empty when the engine does not have it.
     */
    public static Optional<InspectImageResponse> inspect(EngineConnection connection, String image,
                                                         RunDeadline deadline) {
        String attempted = "inspect image " + image;
        ImageReference.require(attempted, image);
        CompletableFuture<InspectImageResponse> answer = BoundedRequest.send(() ->
                EngineFailures.retryOnStaleConnection(() -> connection.control().inspectImageCmd(image).exec(),
                        () -> { }));
        try {
            return Optional.of(BoundedRequest.await(answer, deadline.limit(connection.requestTimeout())));
        } catch (TimeoutException e) {
            throw EngineFailures.noAnswer(connection, attempted, deadline, "the image inspection", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerInterruptedException(attempted, "interrupted while looking for " + image, e);
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (DockerException e) {
            throw DaemonErrorMapper.map("inspect image " + image, DaemonErrorMapper.daemonText(e), e);
        } catch (RuntimeException e) {
            if (EngineFailures.isInterruption(e)) {
                throw new ContainerInterruptedException("inspect image " + image, "interrupted while looking for "
                        + image, e);
            }
            throw EngineFailures.unavailable(connection.endpoint(), "inspect image " + image, e);
        }
    }

    /**
     * Applies {@code policy} like {@link #ensure(EngineConnection, String, PullPolicy, Duration, RunDeadline,
     * PullListener)} and keeps the image's inspection (the presence check's own answer, or one more inspection
     * after a pull), so a run's preflight costs no request of its own.
     *
     * @throws ImageNotFoundException as {@code ensure}
     */
    public static Ensured ensureInspected(EngineConnection connection, String image, PullPolicy policy,
                                          Duration timeout, RunDeadline deadline, PullListener listener) {
        if (policy != PullPolicy.ALWAYS) {
            Optional<InspectImageResponse> present = inspect(connection, image, deadline);
            if (present.isPresent()) {
                return new Ensured(false, present);
            }
        }
        requirePullAllowed(connection, image, policy);
        pull(connection, image, timeout, listener);
        return new Ensured(true, inspect(connection, image, deadline));
    }

    /**
     * What {@link #ensureInspected} did.
     *
     * @param pulled whether a pull happened
     * @param image the image's inspection; empty only when the image vanished right after its pull
     */
    public record Ensured(boolean pulled, Optional<InspectImageResponse> image) {
    }

    /** Pulls {@code image}, reporting progress. */
    public static void pull(EngineConnection connection, String image, Duration timeout, PullListener listener) {
        String attempted = "pull " + image;
        ImageReference.require(attempted, image);
        DockerClient client = connection.client();
        ImageName name = ImageName.parse(image);
        PullImageCmd cmd = client.pullImageCmd(name.repository());
        if (name.tag() != null) {
            cmd.withTag(name.tag());
        }
        AuthConfig auth = authFor(connection, image);
        if (auth != null) {
            cmd.withAuthConfig(auth);
        }
        Progress callback = new Progress(image, listener);
        LOG.debug("pulling {} from {}", image, connection.endpoint());
        try {
            cmd.exec(callback);
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DockerGpuException(attempted, "pulling " + image + " took longer than " + timeout,
                        "check the network and registry, or raise the pull timeout", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerInterruptedException(attempted, "interrupted while pulling " + image, e);
        } catch (DockerGpuException e) {
            throw e;
        } catch (DockerException e) {
            throw DaemonErrorMapper.map(attempted, DaemonErrorMapper.daemonText(e), e);
        } catch (RuntimeException e) {
            if (EngineFailures.isInterruption(e)) {
                throw new ContainerInterruptedException(attempted, "interrupted while pulling " + image, e);
            }
            if (EngineFailures.isTransportFailure(e)) {
                throw EngineFailures.unavailable(connection.endpoint(), attempted, e);
            }
            throw DaemonErrorMapper.map(attempted, DaemonErrorMapper.daemonText(e), e);
        } finally {
            closeQuietly(callback);
        }
        String error = callback.error.get();
        if (error != null) {
            DockerGpuException mapped = DaemonErrorMapper.map(attempted, error, null);
            if (mapped.getClass() == DockerGpuException.class) {
                throw new ImageNotFoundException(attempted, "pulling " + image + " failed: " + error,
                        "check the image name and the registry; for a private registry log in first (`docker login"
                        + " <registry>`)", null);
            }
            throw mapped;
        }
    }

    private static AuthConfig authFor(EngineConnection connection, String image) {
        try {
            return connection.config().effectiveAuthConfig(image);
        } catch (RuntimeException e) {
            LOG.debug("no registry credentials for {}: {}", image, e.getClass().getSimpleName());
            return null;
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (java.io.IOException e) {
            LOG.debug("closing the pull stream failed", e);
        }
    }

    /** Forwards progress and remembers the first error the stream reports. */
    private static final class Progress extends ResultCallback.Adapter<PullResponseItem> {
        private final String image;
        private final PullListener listener;
        private final AtomicReference<String> error = new AtomicReference<>();

        Progress(String image, PullListener listener) {
            this.image = image;
            this.listener = listener;
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.isErrorIndicated()) {
                String text = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                error.compareAndSet(null, text);
                return;
            }
            ResponseItem.ProgressDetail detail = item.getProgressDetail();
            long current = detail != null && detail.getCurrent() != null ? detail.getCurrent() : -1;
            long total = detail != null && detail.getTotal() != null ? detail.getTotal() : -1;
            try {
                listener.onProgress(new PullProgress(image, item.getId(), item.getStatus(), current, total));
            } catch (RuntimeException e) {
                LOG.debug("pull listener failed", e);
            }
        }
    }

    /**
     * An image reference split for the pull API.
     *
     * @param repository e.g. {@code 127.0.0.1:5000/gpuenv/busybox}, or the whole reference for a digest
     * @param tag e.g. {@code test}; {@code latest} when absent; {@code null} for a digest reference
     */
    record ImageName(String repository, String tag) {
        static ImageName parse(String image) {
            if (image.contains("@")) {
                return new ImageName(image, null);
            }
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            if (colon > slash) {
                return new ImageName(image.substring(0, colon), image.substring(colon + 1));
            }
            return new ImageName(image, "latest");
        }
    }
}
