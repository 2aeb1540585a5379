package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.Check;
import io.github.gpuenv.report.ContainerEnvironment;
import io.github.gpuenv.spi.DetectSettings;
import io.github.gpuenv.report.DockerEngine;
import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.internal.check.ReadinessCheck;

/**
 * {@code docker.reachable}: whether a Docker Engine answered. Blocking: the readiness question is about
 * containers, so a missing {@code gpuenv-docker} module is an unknown that keeps {@code ready} false.
 */
final class DockerReachableCheck implements ReadinessCheck {

    static final String ID = "docker.reachable";

    @Override
    public Check evaluate(FactSet facts, DetectSettings options) {
        Fact<DockerEngine> docker = facts.docker();
        if (docker.isKnown()) {
            DockerEngine e = docker.value();
            return Check.pass(ID, (e.podman() ? "Podman " + e.serverVersion() + " (Docker-compatible API "
                    : "Docker Engine " + e.serverVersion() + " (API ") + e.apiVersion() + ") at "
                    + e.endpoint() + (e.dockerDesktop() ? ", Docker Desktop" : "") + (e.rootless() ? ", rootless" : ""));
        }
        Reason reason = docker.unknownReason().orElse(Reason.PROBE_ERROR);
        String seen = docker.describe();
        boolean inside = facts.container().toOptional().map(ContainerEnvironment::inside).orElse(false);
        return switch (reason) {
            case MODULE_ABSENT -> Check.unknown(ID, "the Docker Engine was not looked at: " + seen,
                    Remedies.ADD_DOCKER_MODULE);
            case NOT_FOUND -> Check.fail(ID, "Docker Engine not running or not installed (" + seen + ")",
                    inside ? "this process runs in a container: mount the host's socket"
                            + " (`-v /var/run/docker.sock:/var/run/docker.sock`) or set DOCKER_HOST"
                            : "install Docker Engine (" + Remedies.DOCKER_INSTALL_GUIDE + ") and start it:"
                            + " `sudo systemctl start docker`");
            case PERMISSION_DENIED -> Check.fail(ID, "the Docker socket refused this user (" + seen + ")",
                    "`sudo usermod -aG docker $USER`, then log out and back in (or run `newgrp docker`)");
            case TIMED_OUT -> Check.fail(ID, "the Docker Engine did not answer in time (" + seen + ")",
                    "check `sudo systemctl status docker` and `docker info`; a slow engine needs a longer"
                            + " gpuenv.probe-timeout");
            case SKIPPED, NOT_APPLICABLE -> Check.skipped(ID, seen);
            default -> Check.unknown(ID, "the Docker Engine could not be queried: " + seen,
                    "run `docker info` to see the engine's own error");
        };
    }
}
