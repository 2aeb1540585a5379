package io.github.gpuenv.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gives JNA its library search path without the process it would start for it. On Linux, JNA's
 * {@code NativeLibrary} computes {@code jna.platform.library.path} when the class is first used, and to do so runs
 * {@code /sbin/ldconfig -p} and reads all of its output: 10 ms or more of every cold {@code detect} (the NVML probe
 * loads NVML through JNA), measured in docs/speed.md. The path is only JNA's fall-back for a library that
 * {@code dlopen} does not find by name; NVML is opened by its soname or an explicit path, which {@code dlopen}
 * resolves through {@code /etc/ld.so.cache} itself.
 *
 * <p>The CLI sets the property, unless it is set already, to what JNA would have found without {@code ldconfig}: the
 * directories JNA always adds ({@code /usr/lib/<multiarch>}, {@code /lib/<multiarch>}, {@code /usr/lib64},
 * {@code /lib64}, {@code /usr/lib}, {@code /lib}) and the directories named in {@code /etc/ld.so.conf} and the
 * {@code .conf} files of {@code /etc/ld.so.conf.d} (what {@code ldconfig} caches), those that exist, in that order.
 * The library ({@code GpuEnv.detect()} in someone else's process) never sets a system property.
 */
final class JnaSearchPath {

    static final String PROPERTY = "jna.platform.library.path";
    private static final int MAX_CONF_BYTES = 64 * 1024;
    private static final int MAX_CONF_FILES = 256;

    private JnaSearchPath() {
    }

    /** Sets {@link #PROPERTY} on Linux when nothing set it (a {@code -D} option wins). */
    static void presetUnlessSet() {
        if (System.getProperty(PROPERTY) == null
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            System.setProperty(PROPERTY, String.join(java.io.File.pathSeparator,
                    directories(Path.of("/"), System.getProperty("os.arch", ""))));
        }
    }

    /** The existing directories under {@code root} (the machine's {@code /}) for a JVM of {@code osArch}. */
    static List<String> directories(Path root, String osArch) {
        Set<String> candidates = new LinkedHashSet<>();
        String multiarch = multiarch(osArch);
        if (multiarch != null) {
            candidates.add("/usr/lib/" + multiarch);
            candidates.add("/lib/" + multiarch);
        }
        if (osArch.contains("64")) {
            candidates.add("/usr/lib64");
            candidates.add("/lib64");
        }
        candidates.add("/usr/lib");
        candidates.add("/lib");
        candidates.addAll(confDirectories(root.resolve("etc/ld.so.conf")));
        List<Path> confFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve("etc/ld.so.conf.d"), "*.conf")) {
            for (Path file : files) {
                if (confFiles.size() < MAX_CONF_FILES) {
                    confFiles.add(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such directory, or unreadable: only the fixed directories
        }
        confFiles.stream().sorted().forEach(f -> candidates.addAll(confDirectories(f)));
        return candidates.stream().filter(d -> Files.isDirectory(root.resolve(d.substring(1)))).toList();
    }

    /** The absolute directory lines of one ld.so.conf file ({@code include} lines and comments are not dirs). */
    private static List<String> confDirectories(Path file) {
        List<String> dirs = new ArrayList<>();
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_CONF_BYTES), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String entry = line.replaceFirst("#.*", "").strip();
                if (entry.startsWith("/") && !entry.contains(java.io.File.pathSeparator)) {
                    dirs.add(entry.replaceAll("/+$", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: nothing from it
        }
        return dirs;
    }

    /** Debian's multiarch triplet for the JVM's {@code os.arch}, as JNA derives it; null when there is none. */
    private static String multiarch(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            default -> null;
        };
    }
}
