package io.github.gpuenv.internal.nvidia;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the CUDA version the driver supports from the header of {@code nvidia-smi -q}
 * ({@code CUDA Version                                           : 13.0}); the default table's
 * {@code CUDA Version: 13.0} is accepted too.
 *
 * <p>{@code NvidiaSmiQueryParser.cudaVersion(stdout) // Optional[13.0]}
 */
final class NvidiaSmiQueryParser {

    private static final Pattern CUDA = Pattern.compile("CUDA Version\\s*:\\s*(\\d{1,3}\\.\\d{1,3})");

    private NvidiaSmiQueryParser() {
    }

    /** The CUDA version, or empty when the text does not name one ({@code N/A} on driverless or old installs). */
    static Optional<String> cudaVersion(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CUDA.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
