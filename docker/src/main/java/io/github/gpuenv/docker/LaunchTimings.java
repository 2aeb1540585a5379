package io.github.gpuenv.docker;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a run's time went.
 *
 * @param pull ensuring the image (inspect, and the pull if one was needed)
 * @param create creating the container
 * @param start starting it
 * @param run from started to exited (and its output drained)
 * @param remove removing it
 * @param total all of it
 */
public record LaunchTimings(Duration pull, Duration create, Duration start, Duration run, Duration remove,
                            Duration total) {
    public LaunchTimings {
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(remove, "remove");
        Objects.requireNonNull(total, "total");
    }
}
