package io.github.gpuenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.testing.ReportComparison;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link QuickReport} prints what picocli's path prints for the four command lines it takes, and leaves every other
 * command line, and a configuration that gives a warning, to picocli.
 */
class QuickReportTest {

    @Test
    void detectAndDoctorPrintWhatPicocliPrints() {
        for (String[] args : new String[][] {{"detect", "--json"}, {"doctor", "--json"}}) {
            Quick quick = quick(args);
            CliRunner picocli = CliRunner.run(args);

            assertThat(quick.exitCode).as(String.join(" ", args)).isEqualTo(picocli.exitCode());
            assertThat(ReportComparison.comparable(quick.out)).isEqualTo(ReportComparison.comparable(picocli.out()));
        }
        for (String[] args : new String[][] {{"detect"}, {"doctor"}}) {
            Quick quick = quick(args);
            CliRunner picocli = CliRunner.run(args);

            assertThat(quick.exitCode).as(String.join(" ", args)).isEqualTo(picocli.exitCode());
            assertThat(quick.out.lines().map(QuickReportTest::withoutTimings).toList())
                    .isEqualTo(picocli.out().lines().map(QuickReportTest::withoutTimings).toList());
        }
    }

    @Test
    void everyOtherCommandLineGoesThroughPicocli() {
        for (String[] args : new String[][] {{}, {"detect", "--jsn"}, {"detect", "--json", "--skip", "nvml"},
                {"detect", "--root", "/"}, {"doctor", "-h"}, {"run", "img"}, {"--version"}, {"help", "detect"},
                {"Detect"}}) {
            assertThat(quick(args).exitCode).as(String.join(" ", args)).isNull();
        }
    }

    @Test
    void aConfigurationThatGivesAWarningGoesThroughPicocli() {
        String saved = System.getProperty("gpuenv.deadline");
        System.setProperty("gpuenv.deadline", "soon");
        try {
            assertThat(quick("detect", "--json").exitCode).isNull();
        } finally {
            if (saved == null) {
                System.clearProperty("gpuenv.deadline");
            } else {
                System.setProperty("gpuenv.deadline", saved);
            }
        }
    }

    /** A line of the people's form without what differs from run to run (none of its facts, here). */
    private static String withoutTimings(String line) {
        return line.replaceAll("[0-9]+ ms", "N ms");
    }

    private static Quick quick(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Integer code = QuickReport.run(args);
            return new Quick(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    private record Quick(Integer exitCode, String out) {
    }
}
