package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JnaSearchPathTest {

    @TempDir
    Path root;

    private void dirs(String... paths) throws IOException {
        for (String p : paths) {
            Files.createDirectories(root.resolve(p.substring(1)));
        }
    }

    private void file(String path, String text) throws IOException {
        Files.createDirectories(root.resolve(path.substring(1)).getParent());
        Files.writeString(root.resolve(path.substring(1)), text);
    }

    @Test
    void jnasFixedDirectoriesThenLdSoConfInTheOrderLdconfigReadsThem() throws IOException {
        dirs("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib", "/lib", "/usr/local/lib",
                "/opt/nvidia/lib64", "/usr/lib64");
        file("/etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n/opt/nvidia/lib64/\n");
        file("/etc/ld.so.conf.d/x86_64-linux-gnu.conf", "# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n"
                + "/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n");
        file("/etc/ld.so.conf.d/libc.conf", "# libc default configuration\n/usr/local/lib   # trailing comment\n");
        file("/etc/ld.so.conf.d/ignored.txt", "/not/a/conf/file\n");
        dirs("/not/a/conf/file");

        assertThat(JnaSearchPath.directories(root, "amd64")).containsExactly(
                "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib",
                "/opt/nvidia/lib64", "/usr/local/lib");
    }

    @Test
    void missingOrBinaryConfigurationLeavesTheFixedDirectories() throws IOException {
        dirs("/usr/lib/aarch64-linux-gnu", "/usr/lib");
        file("/etc/ld.so.conf", "\u0000\u00ff\u0001garbage:/with:colons\n");

        assertThat(JnaSearchPath.directories(root, "aarch64")).containsExactly("/usr/lib/aarch64-linux-gnu", "/usr/lib");
        assertThat(JnaSearchPath.directories(root.resolve("nothing-here"), "s390x")).isEmpty();
    }

    @Test
    void anExplicitValueIsKept() {
        String before = System.getProperty(JnaSearchPath.PROPERTY);
        try {
            System.setProperty(JnaSearchPath.PROPERTY, "/my/libs");
            JnaSearchPath.presetUnlessSet();
            assertThat(System.getProperty(JnaSearchPath.PROPERTY)).isEqualTo("/my/libs");

            System.clearProperty(JnaSearchPath.PROPERTY);
            JnaSearchPath.presetUnlessSet();
            assertThat(System.getProperty(JnaSearchPath.PROPERTY)).contains("/usr/lib");
        } finally {
            if (before == null) {
                System.clearProperty(JnaSearchPath.PROPERTY);
            } else {
                System.setProperty(JnaSearchPath.PROPERTY, before);
            }
        }
    }
}
