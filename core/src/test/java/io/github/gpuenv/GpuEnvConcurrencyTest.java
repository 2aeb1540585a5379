package io.github.gpuenv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.FactSet;
import io.github.gpuenv.report.GpuEnvReport;
import io.github.gpuenv.system.Environment;
import io.github.gpuenv.testing.FakeCommandRunner;
import io.github.gpuenv.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** detect() holds no shared mutable state: many threads at once get the same facts as one thread alone. */
class GpuEnvConcurrencyTest {

    @Test
    void manyThreadsAtOnceGetTheSameFactsAsOne() throws Exception {
        Properties props = new Properties();
        props.setProperty("os.name", "Linux");
        props.setProperty("os.arch", "amd64");
        FakeCommandRunner commands = new FakeCommandRunner().onFile(
                List.of("nvidia-smi", "--query-gpu=index,name,uuid,pci.bus_id,driver_version,memory.total,compute_cap,mig.mode.current",
                        "--format=csv,noheader,nounits"),
                Fixtures.path("h200-linux/cmd/nvidia-smi-query-gpu-noheader-nounits.csv"));
        DetectOptions options = DetectOptions.builder(Environment.of(Map.of("PATH", "/usr/bin"), props))
                .root(Fixtures.path("h200-linux/root")).commandRunner(commands).skipProbe("nvml")
                .deadline(Duration.ofSeconds(30)).build();
        FactSet alone = GpuEnv.detect(options).facts();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<GpuEnvReport>> reports = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                reports.add(pool.submit(() -> GpuEnv.detect(options)));
            }
            for (Future<GpuEnvReport> report : reports) {
                assertThat(report.get().facts()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
