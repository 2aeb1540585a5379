package io.github.gpuenv.internal.container;

import io.github.gpuenv.report.DockerEngine;

/** The fixes the container, toolkit and Docker checks give, each written once. */
final class Remedies {

    static final String TOOLKIT_INSTALL_GUIDE =
            "https://docs.nvidia.com/datacenter/cloud-native/container-toolkit/latest/install-guide.html";
    static final String CONFIGURE_DOCKER = "sudo nvidia-ctk runtime configure --runtime=docker";
    static final String RESTART_DOCKER = "sudo systemctl restart docker";
    static final String GPUENV_CDI_GENERATE = "gpuenv cdi generate --output /etc/cdi/nvidia.json";
    static final String CTK_CDI_GENERATE = "sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml";
    static final String DEV_CHAR_SYMLINKS = "sudo nvidia-ctk system create-dev-char-symlinks --create-all";
    static final String DOCKER_INSTALL_GUIDE = "https://docs.docker.com/engine/install/";
    static final String ADD_DOCKER_MODULE = "add io.github.gpuenv:gpuenv-docker to the classpath";

    private Remedies() {
    }

    /** Register the {@code nvidia} runtime and restart the engine; rootless engines use their own daemon.json. */
    static String configureAndRestart(DockerEngine engine) {
        if (engine != null && engine.rootless()) {
            return "nvidia-ctk runtime configure --runtime=docker --config=$HOME/.config/docker/daemon.json"
                    + " && systemctl --user restart docker";
        }
        return CONFIGURE_DOCKER + " && " + RESTART_DOCKER;
    }

    /** Install the toolkit, then configure and restart Docker. */
    static String installToolkit(DockerEngine engine) {
        return "install the NVIDIA Container Toolkit (" + TOOLKIT_INSTALL_GUIDE + "), then `"
                + configureAndRestart(engine) + "`";
    }

    /** Replace a snap-installed Docker, whose dockerd cannot see the toolkit's hook (D1). */
    static String replaceSnapDocker() {
        return "Docker installed as a snap does not see the toolkit's hook: `sudo snap remove docker`, install Docker"
                + " Engine from Docker's repository (" + DOCKER_INSTALL_GUIDE + "), then `" + CONFIGURE_DOCKER
                + " && " + RESTART_DOCKER + "`";
    }
}
