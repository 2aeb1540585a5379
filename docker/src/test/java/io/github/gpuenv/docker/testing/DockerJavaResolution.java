package io.github.gpuenv.docker.testing;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * Test-only bridge to docker-java's injectable configuration ({@code createDefaultConfigBuilder(Map, Properties)} is
 * package-private in 3.7.1, reached by reflection: docker-java is an automatic module, open to all), so gpuenv's
 * endpoint shortcut can be compared with docker-java's own resolution.
 */
public final class DockerJavaResolution {

    private DockerJavaResolution() {
    }

    /** The endpoint docker-java chooses for these variables and system properties. */
    public static URI dockerHost(Map<String, String> env, Properties systemProperties) {
        try {
            Method create = DefaultDockerClientConfig.class.getDeclaredMethod("createDefaultConfigBuilder", Map.class,
                    Properties.class);
            create.setAccessible(true);
            return ((DefaultDockerClientConfig.Builder) create.invoke(null, env, systemProperties)).build()
                    .getDockerHost();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("docker-java's createDefaultConfigBuilder(Map, Properties) is gone", e);
        }
    }
}
