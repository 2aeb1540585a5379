package io.github.gpuenv.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.gpuenv.cdi.DeviceNode;
import io.github.gpuenv.cdi.Mount;
import io.github.gpuenv.internal.container.CdiSpecParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the CDI spec round trip: driver files built by the fuzzer are written by {@link CdiSpecGenerator} and read
 * back by {@link CdiSpecParser}, which must see the same kind and the same device names in the same order. A kind
 * that is not {@code vendor/class} is the generator's documented {@link IllegalArgumentException}. Corpus:
 * {@code src/test/resources/io/github/gpuenv/cdi/internal/CdiSpecRoundTripFuzzTestInputs/roundTrip/}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CdiSpecRoundTripFuzzTest {

    private static final Pattern KIND = Pattern.compile(
            "[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?/[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?");

    @FuzzTest(maxDuration = "30s")
    void roundTrip(FuzzedDataProvider data) {
        String kind = data.consumeBoolean() ? CdiSpecGenerator.NVIDIA_KIND : data.consumeString(40);
        NvidiaDriverFiles files = files(data);
        if (!KIND.matcher(kind).matches()) {
            assertThatThrownBy(() -> CdiSpecGenerator.spec(files, kind)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        CdiSpec spec = CdiSpecGenerator.spec(files, kind);
        String json = CdiSpecGenerator.json(spec);

        Optional<CdiSpecParser.Spec> parsed = CdiSpecParser.parse(json);

        assertThat(parsed).isPresent();
        assertThat(parsed.get().kind()).isEqualTo(kind);
        assertThat(parsed.get().devices())
                .containsExactlyElementsOf(spec.devices().stream().map(d -> kind + "=" + d.name()).toList());
        assertThat(parsed.get().devices()).contains(kind + "=all");
    }

    private static NvidiaDriverFiles files(FuzzedDataProvider data) {
        boolean wsl = data.consumeBoolean();
        List<DeviceNode> control = nodes(data, data.consumeInt(0, 4));
        List<NvidiaDriverFiles.GpuNode> gpus = new ArrayList<>();
        for (int i = data.consumeInt(0, 8); i > 0; i--) {
            gpus.add(new NvidiaDriverFiles.GpuNode(data.consumeInt(-1, 64), data.consumeString(48),
                    data.consumeString(16), nodes(data, data.consumeInt(0, 2))));
        }
        List<Mount> mounts = new ArrayList<>();
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            mounts.add(new Mount(data.consumeString(32), data.consumeString(32), data.consumeBoolean()));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            environment.put(data.consumeString(16), data.consumeString(16));
        }
        return new NvidiaDriverFiles(wsl, data.consumeString(16), control, gpus, mounts, environment);
    }

    private static List<DeviceNode> nodes(FuzzedDataProvider data, int count) {
        List<DeviceNode> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String path = data.consumeString(24);
            nodes.add(new DeviceNode(data.consumeBoolean() ? path : data.consumeString(24), path,
                    data.consumeBoolean() ? null : data.consumeString(4)));
        }
        return nodes;
    }
}
