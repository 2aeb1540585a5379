package io.github.gpuenv.internal.host;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link WindowsRegistry} holding values of {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion} transcribed
 * from public samples; each sample says where it comes from.
 */
final class RecordedWindowsRegistry implements WindowsRegistry {

    /**
     * Windows 11 Pro 24H2, OS build 26100.2894: edition, version and build as the System > About pane shows them
     * in rhysd/winver#1 (2025-01-24). ProductName still says "Windows 10 Pro": Windows 11 keeps "Windows 10 …" in
     * that value (microsoft/winml-cli#1387 review: build 26310 reports "Windows 10 Enterprise").
     */
    static final RecordedWindowsRegistry WINDOWS_11_24H2 = new RecordedWindowsRegistry(
            Map.of("CurrentBuildNumber", "26100", "DisplayVersion", "24H2", "ProductName", "Windows 10 Pro",
                    "ReleaseId", "2009"),
            Map.of("UBR", 2894, "CurrentMajorVersionNumber", 10, "CurrentMinorVersionNumber", 0));

    /**
     * Windows Server 2016 Datacenter, 10.0.14393.2580: Major/Minor/Build/Revision read from these values in
     * PowerShell/PrivateCloud.DiagnosticInfo#114 (2018-11-27), OS Name from systeminfo in the same issue. Server
     * 2016 has no DisplayVersion; its ReleaseId is 1607.
     */
    static final RecordedWindowsRegistry SERVER_2016 = new RecordedWindowsRegistry(
            Map.of("CurrentBuildNumber", "14393", "ProductName", "Windows Server 2016 Datacenter", "ReleaseId", "1607"),
            Map.of("UBR", 2580, "CurrentMajorVersionNumber", 10, "CurrentMinorVersionNumber", 0));

    /** An empty registry (e.g. a stripped container image of Windows): no CurrentBuildNumber. */
    static final RecordedWindowsRegistry EMPTY = new RecordedWindowsRegistry(Map.of(), Map.of());

    private final Map<String, String> strings;
    private final Map<String, Integer> dwords;

    RecordedWindowsRegistry(Map<String, String> strings, Map<String, Integer> dwords) {
        this.strings = Map.copyOf(strings);
        this.dwords = Map.copyOf(dwords);
    }

    @Override
    public Optional<String> string(String key, String value) {
        return key.equals(WindowsCurrentVersion.KEY) ? Optional.ofNullable(strings.get(value)) : Optional.empty();
    }

    @Override
    public OptionalInt dword(String key, String value) {
        Integer v = key.equals(WindowsCurrentVersion.KEY) ? dwords.get(value) : null;
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }
}
