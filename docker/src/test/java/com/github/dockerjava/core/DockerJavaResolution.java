package com.github.dockerjava.core;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * Test-only bridge to docker-java's injectable configuration ({@code createDefaultConfigBuilder(Map, Properties)} is
 * package-private in 3.7.1), so gpuenv's endpoint shortcut can be compared with docker-java's own resolution.
 */
public final class DockerJavaResolution {

    private DockerJavaResolution() {
    }

    /** The endpoint docker-java chooses for these variables and system properties. */
    public static URI dockerHost(Map<String, String> env, Properties systemProperties) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder(env, systemProperties).build().getDockerHost();
    }
}
