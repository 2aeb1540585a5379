package io.github.gpuenv.cdi;

import java.util.Locale;

/** PCI bus ids in one form: procfs writes {@code 0000:00:06.0}, NVML {@code 00000000:00:06.0}. */
final class BusIds {

    private BusIds() {
    }

    /** {@code "0000:00:06.0"} for either form; the input lower-cased when it is not a bus id; empty for empty. */
    static String normalize(String busId) {
        if (busId == null || busId.isBlank()) {
            return "";
        }
        String s = busId.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon < 0 || s.indexOf(':', colon + 1) < 0) {
            return s;
        }
        String domain = s.substring(0, colon).replaceFirst("^0+(?=.)", "");
        while (domain.length() < 4) {
            domain = "0" + domain;
        }
        return domain + s.substring(colon);
    }
}
