package io.github.gpuenv.cli;

import picocli.CommandLine;

/** {@code gpuenv --version}: the gpuenv version, and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GpuEnvCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "gpuenv " + (version == null ? "development build" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
