package io.github.gpuenv.internal.container;

import io.github.gpuenv.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;

/** The H200 host's recorded environment variables (fixtures/h200-linux/cmd/env-nvidia.txt). */
final class H200 {

    private H200() {
    }

    static Map<String, String> environment() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : Fixtures.text("h200-linux/cmd/env-nvidia.txt").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                vars.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return vars;
    }

    static String requireCuda() {
        return environment().get("NVIDIA_REQUIRE_CUDA");
    }
}
