package io.github.gpuenv.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code nvidia-smi -L}: {@code GPU 0: NVIDIA H200 (UUID: GPU-1b12…)}; MIG lines and anything else are
 * skipped. Pure; never throws.
 */
final class NvidiaSmiListParser {

    private static final Pattern GPU = Pattern.compile("^GPU (\\d+): (.+?) \\(UUID: (GPU-[0-9A-Fa-f-]+)\\)\\s*$");

    private NvidiaSmiListParser() {
    }

    /** One listed GPU. */
    record ListedGpu(int index, String name, String uuid) {
    }

    static List<ListedGpu> parse(String text) {
        List<ListedGpu> gpus = new ArrayList<>();
        if (text == null) {
            return gpus;
        }
        for (String line : text.split("\\R")) {
            Matcher m = GPU.matcher(line.strip());
            if (m.matches()) {
                try {
                    gpus.add(new ListedGpu(Integer.parseInt(m.group(1)), m.group(2), m.group(3)));
                } catch (NumberFormatException e) {
                    // an index too large to be real: skip the line
                }
            }
        }
        return gpus;
    }
}
