package io.github.gpuenv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link JsonTrees} builds the tree databind's {@code readTree} builds, node types included, and fails where it fails. */
class JsonTreesTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();
    private static final ObjectMapper DATABIND_STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static Stream<String> documents() throws IOException {
        Stream<String> literals = Stream.of("{}", "[]", "{\"a\":1,\"a\":2}", "[1, 2147483648, 9223372036854775808, -1.5,"
                        + " 1e300, 0.1, true, false, null, \"x\\u00e9\\n\"]", "{\"n\":{\"m\":[[],{}]},\"e\":\"\"}", "42",
                "\"text\"", "null", "  {\"ws\" : [ 1 , 2 ] }  ");
        Path core = Path.of("src/test/resources/fixtures");
        Path docker = Path.of("../docker/src/test/resources/fixtures");
        List<Path> files = List.of(core.resolve("h200-gpuenv-capture/root/etc/docker/daemon.json"),
                core.resolve("h200-toolkit/docker-info-with-nvidia-runtime.json"),
                core.resolve("h200-toolkit/daemon-after-configure.json"), core.resolve("h200-gpuenv-capture/probes.json"),
                docker.resolve("engine-26.1/info.json"), docker.resolve("engine-26.1/version.json"),
                docker.resolve("engine-20.10/info.json"), docker.resolve("engine-20.10/version.json"));
        Stream.Builder<String> texts = Stream.builder();
        for (Path f : files) {
            texts.add(Files.readString(f));
        }
        return Stream.concat(literals, texts.build());
    }

    @ParameterizedTest
    @MethodSource("documents")
    void theTreeIsDatabindsNodeForNode(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonNode expected = DATABIND.readTree(bytes);
        JsonNode actual = JsonTrees.read(bytes, false);
        assertThat(actual).isEqualTo(expected);
        assertSameTypes(actual, expected);
        assertThat(JsonTrees.read(bytes, true)).isEqualTo(DATABIND_STRICT.readTree(bytes));
    }

    @Test
    void emptyInputIsMissingAsForDatabind() throws IOException {
        assertThat(JsonTrees.read(new byte[0], true).isMissingNode()).isTrue();
        assertThat(DATABIND.readTree(new byte[0]).isMissingNode()).isTrue();
    }

    @Test
    void trailingTokensAreIgnoredOrRejectedAsAsked() throws IOException {
        byte[] two = "{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonTrees.read(two, false)).isEqualTo(DATABIND.readTree(two));
        assertThatThrownBy(() -> JsonTrees.read(two, true)).isInstanceOf(JsonProcessingException.class)
                .hasMessageStartingWith("Trailing token (of type START_OBJECT) found after value");
        assertThatThrownBy(() -> DATABIND_STRICT.readTree(two)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void malformedInputFailsLikeDatabind() {
        for (String bad : List.of("{", "{\"a\":}", "[1,]", "{ // comment\n}", "\u0000\u0001", "{\"a\":1}}", "tru")) {
            byte[] bytes = bad.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> DATABIND_STRICT.readTree(bytes)).as(bad).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> JsonTrees.read(bytes, true)).as(bad).isInstanceOf(JsonProcessingException.class);
        }
    }

    private static void assertSameTypes(JsonNode actual, JsonNode expected) {
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected.isContainerNode()) {
            assertThat(actual.size()).isEqualTo(expected.size());
            if (expected.isObject()) {
                expected.fieldNames().forEachRemaining(name -> assertSameTypes(actual.get(name), expected.get(name)));
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameTypes(actual.get(i), expected.get(i));
                }
            }
        }
    }
}
