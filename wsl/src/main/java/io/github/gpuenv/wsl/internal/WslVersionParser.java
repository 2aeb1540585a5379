package io.github.gpuenv.wsl.internal;

import io.github.gpuenv.internal.AsciiCase;
import io.github.gpuenv.wsl.WslVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses {@code wsl.exe --version}: {@code label: value} lines in a fixed order — WSL, kernel, WSLg, MSRDC,
 * Direct3D, DXCore, Windows (Microsoft's {@code MessagePackageVersions} resource, the same order in every language).
 * English labels are used when present; otherwise values are taken by line order, so {@code WSL-Version:},
 * {@code Version WSL :} and {@code WSL 版本：} (full-width colon) all work. Pure; never throws; empty when the first
 * value is not a dotted version (inbox WSL prints its usage text instead).
 *
 * <p>{@code WslVersionParser.parse(text).map(WslVersion::kernelVersion)}
 */
public final class WslVersionParser {

    private static final Pattern DOTTED = Pattern.compile("\\d+(\\.\\d+)+.*");
    private static final List<String> ENGLISH = List.of("wsl version", "kernel version", "wslg version",
            "msrdc version", "direct3d version", "dxcore version", "windows version");

    private WslVersionParser() {
    }

    /** The versions, or empty when the text is not {@code --version} output. */
    public static Optional<WslVersion> parse(String text) {
        List<String[]> pairs = new ArrayList<>();
        for (String line : WslLines.of(text)) {
            WslStatusParser.keyValue(line).ifPresent(pairs::add);
        }
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        String[] values = new String[ENGLISH.size()];
        boolean english = false;
        for (String[] kv : pairs) {
            int index = ENGLISH.indexOf(AsciiCase.lower(kv[0]));
            if (index >= 0) {
                values[index] = kv[1];
                english = true;
            }
        }
        if (!english) {
            for (int i = 0; i < Math.min(pairs.size(), values.length); i++) {
                values[i] = pairs.get(i)[1];
            }
        }
        if (values[0] == null || !DOTTED.matcher(values[0]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new WslVersion(values[0], values[1], values[2], values[3], values[4], values[5], values[6]));
    }
}
