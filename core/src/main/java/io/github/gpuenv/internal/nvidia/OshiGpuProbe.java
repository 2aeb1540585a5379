package io.github.gpuenv.internal.nvidia;

import io.github.gpuenv.report.Fact;
import io.github.gpuenv.report.GpuDevice;
import io.github.gpuenv.report.NvidiaDriver;
import io.github.gpuenv.report.Reason;
import io.github.gpuenv.spi.Probe;
import io.github.gpuenv.spi.ProbeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import oshi.SystemInfo;
import oshi.hardware.GraphicsCard;

/**
 * The last resort: OSHI's list of graphics cards (PCI data on Linux, WMI/registry on Windows), NVIDIA ones only.
 * It proves a card is there, not that a driver drives it: GPUs have a name only, numbered in OSHI's order, and the
 * driver version is known only where Windows reports it ({@code DriverVersion=31.0.15.3179} → {@code 531.79}).
 * OSHI cannot prove absence, so no NVIDIA card is {@code not-found}, not "known, none". OSHI reads the live machine
 * (it runs {@code lshw}/{@code lspci} on Linux; up to a second or two), so it is not used under a fixture root.
 *
 * <p>Unknown: {@code not-found}, {@code not-applicable} (fixture root), {@code command-failed} when OSHI throws.
 */
final class OshiGpuProbe implements Probe<NvidiaDriver> {

    static final String ID = "oshi";

    /** What gpuenv uses of an OSHI {@link GraphicsCard}. */
    record Card(String name, String vendor, String versionInfo) {
    }

    @Override
    public String id() {
        return ID;
    }

    /** OSHI reads the live machine: not used under a fixture root. */
    @Override
    public boolean readsLiveMachine() {
        return true;
    }

    @Override
    public Fact<NvidiaDriver> probe(ProbeContext context) {
        if (!context.files().isLiveMachine()) {
            return Fact.unknown(Reason.NOT_APPLICABLE, "OSHI reads the live machine; not used under the root "
                    + context.files().root());
        }
        List<Card> cards = new ArrayList<>();
        try {
            for (GraphicsCard card : new SystemInfo().getHardware().getGraphicsCards()) {
                cards.add(new Card(card.getName(), card.getVendor(), card.getVersionInfo()));
            }
        } catch (RuntimeException | LinkageError e) {
            return Fact.unknown(Reason.COMMAND_FAILED, "OSHI could not list graphics cards: " + e);
        }
        return fromCards(cards);
    }

    /** The fact from OSHI's cards: the NVIDIA ones (vendor or name says NVIDIA, or PCI vendor id 10de). */
    static Fact<NvidiaDriver> fromCards(List<Card> cards) {
        List<GpuDevice> gpus = new ArrayList<>();
        String driver = "";
        for (Card card : cards) {
            if (!isNvidia(card)) {
                continue;
            }
            gpus.add(new GpuDevice(gpus.size(), card.name(), null, null, null, null, null));
            if (driver.isEmpty()) {
                driver = WindowsDriverVersionParser.parse(card.versionInfo()).orElse("");
            }
        }
        if (gpus.isEmpty()) {
            return Fact.unknown(Reason.NOT_FOUND, "OSHI lists no NVIDIA graphics card (" + cards.size()
                    + " card(s) in all)");
        }
        return Fact.known(new NvidiaDriver(driver, "", ID, gpus), ID);
    }

    private static boolean isNvidia(Card card) {
        String vendor = card.vendor() == null ? "" : card.vendor().toLowerCase(Locale.ROOT);
        String name = card.name() == null ? "" : card.name().toLowerCase(Locale.ROOT);
        return vendor.contains("nvidia") || vendor.contains("10de") || name.contains("nvidia");
    }
}
