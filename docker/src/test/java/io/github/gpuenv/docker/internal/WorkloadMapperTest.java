package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import io.github.gpuenv.docker.IpcMode;
import io.github.gpuenv.docker.RunOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The create request's JSON, field for field what Docker CLI 28.2.2 sends for the same {@code docker run} flags
 * (its {@code docker inspect} of this machine's Engine 20.10, 2026-12): Binds as {@code src:dst:mode} strings,
 * anonymous volumes in {@code Volumes}, {@code ExposedPorts} plus {@code PortBindings} with empty HostIp/HostPort for
 * "any", Ulimits with Soft and Hard, ExtraHosts as {@code host:ip}, Entrypoint {@code [""]} to reset.
 */
class WorkloadMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private static JsonNode request(RunOptions options) {
        CreateContainerCmdImpl cmd = new CreateContainerCmdImpl(c -> {
            throw new UnsupportedOperationException("never sent");
        }, null, options.image());
        HostConfig host = HostConfig.newHostConfig();
        WorkloadMapper.apply(options, cmd, host);
        cmd.withHostConfig(host);
        return JSON.valueToTree(cmd);
    }

    @Test
    void everyOptionLandsWhereTheDockerCliPutsIt() {
        JsonNode r = request(RunOptions.builder("img").network("bridge")
                .volume("/data:/data:ro").volume("hf-cache:/root/.cache").volume("/scratch").volume("/src:/src:z,shared")
                .workingDir("/work").entrypoint("python", "-u").name("trainer-0").stopTimeout(Duration.ofMillis(1500))
                .shmSize("16g").ipc(IpcMode.HOST).ulimit("memlock=-1").ulimit("stack=67108864")
                .publish("127.0.0.1::8000").publish("9000-9001:90-91/udp").addHost("db:10.0.0.5")
                .addHost("host.docker.internal:host-gateway").cpus("1.5").cpusetCpus("0-3").init(true)
                .memory("8g").build());
        JsonNode h = r.get("HostConfig");
        assertThat(h.get("Binds")).hasToString("[\"/data:/data:ro\",\"hf-cache:/root/.cache:rw\","
                + "\"/src:/src:rw,z,shared\"]");
        assertThat(r.get("Volumes").has("/scratch")).isTrue();
        assertThat(r.get("WorkingDir").asText()).isEqualTo("/work");
        assertThat(r.get("Entrypoint")).hasToString("[\"python\",\"-u\"]");
        assertThat(r.get("StopTimeout").asInt()).isEqualTo(2);
        assertThat(h.get("ShmSize").asLong()).isEqualTo(17179869184L);
        assertThat(h.get("IpcMode").asText()).isEqualTo("host");
        assertThat(h.get("Ulimits")).hasToString("[{\"Name\":\"memlock\",\"Soft\":-1,\"Hard\":-1},"
                + "{\"Name\":\"stack\",\"Soft\":67108864,\"Hard\":67108864}]");
        assertThat(r.get("ExposedPorts").has("8000/tcp")).isTrue();
        assertThat(r.get("ExposedPorts").has("90/udp")).isTrue();
        assertThat(h.get("PortBindings").get("8000/tcp")).hasToString("[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"\"}]");
        assertThat(h.get("PortBindings").get("91/udp")).hasToString("[{\"HostIp\":\"\",\"HostPort\":\"9001\"}]");
        assertThat(h.get("ExtraHosts")).hasToString("[\"db:10.0.0.5\",\"host.docker.internal:host-gateway\"]");
        assertThat(h.get("NanoCpus").asLong()).isEqualTo(1_500_000_000L);
        assertThat(h.get("CpusetCpus").asText()).isEqualTo("0-3");
        assertThat(h.get("Init").asBoolean()).isTrue();
    }

    @Test
    void anEmptyEntrypointResetsTheImagesAndNothingIsSentForOptionsNotSet() {
        JsonNode r = request(RunOptions.builder("img").entrypoint().build());
        assertThat(r.get("Entrypoint")).hasToString("[\"\"]");
        JsonNode plain = request(RunOptions.builder("img").build());
        assertThat(plain.get("Entrypoint").isNull()).isTrue();
        for (String field : new String[] {"Binds", "ShmSize", "IpcMode", "Ulimits", "PortBindings", "ExtraHosts",
                "NanoCpus", "CpusetCpus", "Init"}) {
            assertThat(plain.get("HostConfig").get(field).isNull()).as(field).isTrue();
        }
        assertThat(plain.get("ExposedPorts").isNull() || plain.get("ExposedPorts").isEmpty()).isTrue();
    }

    @Test
    void theNameGoesOnTheRequestsQuery() {
        CreateContainerCmdImpl cmd = new CreateContainerCmdImpl(c -> {
            throw new UnsupportedOperationException("never sent");
        }, null, "img");
        WorkloadMapper.apply(RunOptions.builder("img").name("trainer-0").build(), cmd, HostConfig.newHostConfig());
        assertThat(cmd.getName()).isEqualTo("trainer-0");
    }

    @Test
    void stopTimeoutsRoundUpToWholeSeconds() {
        assertThat(WorkloadMapper.seconds(Duration.ZERO)).isZero();
        assertThat(WorkloadMapper.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(WorkloadMapper.seconds(Duration.ofSeconds(10))).isEqualTo(10);
        assertThat(WorkloadMapper.seconds(Duration.ofDays(100_000))).isEqualTo(Integer.MAX_VALUE);
    }
}
