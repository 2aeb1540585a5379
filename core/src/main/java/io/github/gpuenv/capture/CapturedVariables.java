package io.github.gpuenv.capture;

import io.github.gpuenv.config.ConfigKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The environment variables a capture's {@code env.txt} keeps — by allow-list: the variables gpuenv reads (its
 * {@link ConfigKey} variables, {@link #READ}) and a fixed list of documented GPU, CUDA, WSL and Docker names
 * ({@link #DOCUMENTED}, {@code NVIDIA_REQUIRE_*}). A name containing {@code TOKEN}, {@code PASS}, {@code PWD},
 * {@code SECRET}, {@code CRED}, {@code KEY}, {@code COOKIE} or {@code AUTH} is never kept, whatever the lists say;
 * every kept value has {@code user:password@} of a URL masked ({@link Redaction#maskUserInfo}). Names compare
 * case-insensitively (Windows spells {@code SystemRoot} either way).
 */
final class CapturedVariables {

    /** What gpuenv's probes read, and what docker-java's endpoint resolution reads (a test keeps it in step). */
    static final Set<String> READ = Set.of("PATH", "LD_LIBRARY_PATH", "NVIDIA_VISIBLE_DEVICES",
            "NVIDIA_DRIVER_CAPABILITIES", "NVIDIA_REQUIRE_CUDA", "CUDA_VERSION", "WSL_DISTRO_NAME", "WSL_INTEROP",
            "WSLENV", "container", "KUBERNETES_SERVICE_HOST", "SystemRoot", "windir", "ProgramFiles",
            "PROCESSOR_ARCHITEW6432", "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY",
            "DOCKER_CERT_PATH");
    /** Documented by the NVIDIA Container Toolkit, CUDA, WSL and Docker; kept for whoever reads the capture. */
    static final Set<String> DOCUMENTED = Set.of("NVIDIA_DISABLE_REQUIRE", "NVIDIA_MIG_CONFIG_DEVICES",
            "NVIDIA_MIG_MONITOR_DEVICES", "NVIDIA_IMEX_CHANNELS", "NVIDIA_PRODUCT_NAME", "CUDA_VISIBLE_DEVICES",
            "CUDA_DEVICE_ORDER", "CUDA_HOME", "CUDA_PATH", "WSL_UTF8", "DOCKER_API_VERSION");
    /** Prefixes of documented families: the toolkit's {@code NVIDIA_REQUIRE_CUDA}, {@code _DRIVER}, {@code _ARCH}… */
    static final List<String> DOCUMENTED_PREFIXES = List.of("NVIDIA_REQUIRE_");
    /** A name holding one of these never enters a capture. */
    static final List<String> CREDENTIAL_WORDS = List.of("TOKEN", "PASS", "PWD", "SECRET", "CRED", "KEY", "COOKIE",
            "AUTH");

    private static final Set<String> ALLOWED = Stream.of(READ.stream(), DOCUMENTED.stream(),
                    Stream.of(ConfigKey.values()).map(ConfigKey::variable))
            .flatMap(s -> s).map(CapturedVariables::upper).collect(Collectors.toUnmodifiableSet());

    private CapturedVariables() {
    }

    /** Whether a variable of this name is recorded. */
    static boolean kept(String name) {
        String upper = upper(name);
        if (CREDENTIAL_WORDS.stream().anyMatch(upper::contains)) {
            return false;
        }
        return ALLOWED.contains(upper) || DOCUMENTED_PREFIXES.stream().anyMatch(upper::startsWith);
    }

    /** The variables recorded of {@code variables}, sorted by name, values masked. */
    static Map<String, String> of(Map<String, String> variables) {
        Map<String, String> kept = new TreeMap<>();
        variables.forEach((name, value) -> {
            if (kept(name)) {
                kept.put(name, Redaction.maskUserInfo(value));
            }
        });
        return kept;
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
