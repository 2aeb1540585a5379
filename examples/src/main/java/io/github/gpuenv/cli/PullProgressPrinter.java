package io.github.gpuenv.cli;

import io.github.gpuenv.docker.PullListener;
import io.github.gpuenv.docker.PullProgress;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows pull progress on stderr: one self-overwriting bar line on a terminal, plain lines (one per layer status
 * change, no byte ticks) otherwise, so logs stay readable.
 */
final class PullProgressPrinter implements PullListener {

    private static final int BAR_WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final Map<String, long[]> layers = new LinkedHashMap<>();
    private final Map<String, String> lastStatus = new LinkedHashMap<>();
    private boolean barShown;

    PullProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** For the CLI: a bar when a console is attached. */
    static PullProgressPrinter forConsole() {
        return new PullProgressPrinter(System.err, System.console() != null);
    }

    @Override
    public synchronized void onProgress(PullProgress p) {
        if (terminal) {
            bar(p);
        } else {
            line(p);
        }
    }

    private void line(PullProgress p) {
        String key = p.layerId() == null ? "" : p.layerId();
        String status = p.status();
        if (status.equals(lastStatus.get(key))) {
            return;
        }
        lastStatus.put(key, status);
        err.println("pull " + p.image() + (key.isEmpty() ? "" : " " + key) + ": " + status);
        err.flush();
    }

    private void bar(PullProgress p) {
        if (p.layerId() != null && p.totalBytes() > 0 && p.status().startsWith("Downloading")) {
            layers.put(p.layerId(), new long[] {p.currentBytes(), p.totalBytes()});
        } else if (p.layerId() != null && (p.status().contains("complete") || p.status().contains("exists"))) {
            long[] l = layers.get(p.layerId());
            if (l != null) {
                l[0] = l[1];
            }
        }
        long done = 0;
        long total = 0;
        for (long[] l : layers.values()) {
            done += l[0];
            total += l[1];
        }
        int filled = total == 0 ? 0 : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        String text = String.format("\rpull %s [%s%s] %s / %s  %s", p.image(), "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), mib(done), mib(total), p.status());
        err.print(text.length() > 160 ? text.substring(0, 160) : text + "\u001b[K");
        err.flush();
        barShown = true;
    }

    /** Ends the bar line, if one was drawn. */
    synchronized void finish() {
        if (barShown) {
            err.println();
            err.flush();
            barShown = false;
        }
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
