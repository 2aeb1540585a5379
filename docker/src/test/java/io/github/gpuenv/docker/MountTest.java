package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -v} syntax. What is accepted and refused, and the words, follow what Engine 20.10 and Docker CLI 28.2.2 did
 * with {@code docker create -v X} on this machine (2026-12): {@code vol:/x:shared} → "field BindOptions must not
 * be specified", {@code /tmp:/x:nocopy} → "field VolumeOptions must not be specified", {@code /tmp/../etc/:/x/./y/}
 * → bind {@code /etc} at {@code /x/y}, {@code /tmp:/x:cached} → a read-write bind.
 */
class MountTest {

    @Test
    void anAbsoluteSourceIsABindAndOtherwiseAVolume() {
        Mount bind = Mount.parse("/data:/data:ro");
        assertThat(bind.type()).isEqualTo(Mount.Type.BIND);
        assertThat(bind.source()).isEqualTo("/data");
        assertThat(bind.target()).isEqualTo("/data");
        assertThat(bind.readOnly()).isTrue();
        assertThat(bind).isEqualTo(Mount.bind("/data", "/data").asReadOnly());

        Mount volume = Mount.parse("model-cache:/root/.cache/huggingface");
        assertThat(volume.type()).isEqualTo(Mount.Type.VOLUME);
        assertThat(volume.source()).isEqualTo("model-cache");
        assertThat(volume.readOnly()).isFalse();
        assertThat(volume.anonymous()).isFalse();
        assertThat(volume).isEqualTo(Mount.volume("model-cache", "/root/.cache/huggingface"));

        Mount anonymous = Mount.parse("/scratch");
        assertThat(anonymous.anonymous()).isTrue();
        assertThat(anonymous).isEqualTo(Mount.anonymousVolume("/scratch"));
    }

    @Test
    void pathsAreCleanedAsTheEngineCleansThem() {
        Mount m = Mount.parse("/tmp/../etc/:/x/./y/");
        assertThat(m.source()).isEqualTo("/etc");
        assertThat(m.target()).isEqualTo("/x/y");
        assertThat(Mount.parse("//a//b:/c//d/..").target()).isEqualTo("/c");
    }

    @Test
    void optionsOfEachKindOnceAndRwAndConsistencyFoldIn() {
        Mount m = Mount.parse("/tmp:/x:z,ro,shared");
        assertThat(m.readOnly()).isTrue();
        assertThat(m.options()).containsExactly("z", "shared");
        assertThat(m).hasToString("/tmp:/x:ro,z,shared");
        assertThat(Mount.parse("/tmp:/x:cached").options()).isEmpty();
        assertThat(Mount.parse("/tmp:/x:rw").readOnly()).isFalse();
        assertThat(Mount.parse("vol:/x:nocopy,ro").options()).containsExactly("nocopy");
        assertThat(Mount.parse("vol:/x:Z").options()).containsExactly("Z");
    }

    @Test
    void relativeDotSourcesResolveAgainstTheWorkingDirectoryAsTheCliDoes() {
        String cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize().toString();
        Mount m = Mount.parse("./data:/data");
        assertThat(m.type()).isEqualTo(Mount.Type.BIND);
        assertThat(m.source()).isEqualTo(Path.of(cwd, "data").toString());
        assertThat(Mount.parse(".:/src").source()).isEqualTo(cwd);
        assertThat(Mount.bind(Path.of("datasets"), "/data").source()).isEqualTo(Path.of(cwd, "datasets").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad name:/x|includes invalid characters for a local volume name",
            "vol:x|mount path must be absolute",
            "/tmp:/x:rw,ro|invalid mode: 'rw,ro'",
            "/tmp:/x:foo|invalid mode: 'foo'",
            "vol:/x:Z,z|invalid mode: 'Z,z'",
            "/tmp:/|destination can't be '/'",
            "/tmp:/..|destination can't be '/'",
            "a:b:c:d|invalid volume specification: 'a:b:c:d'",
            "/data:ro|invalid volume specification: '/data:ro'",
            ":/x|empty section between colons",
            "/tmp:/x:|empty section between colons",
            "vol:/x:shared|is for bind mounts, not volumes",
            "/tmp:/x:nocopy|nocopy is for volumes",
            "a:/x|includes invalid characters",
            "../up:/x|includes invalid characters",
            "~/data:/x|includes invalid characters",
            "relative|mount path must be absolute",
            "''|invalid volume specification"})
    void refusesWhatTheEngineRefuses(String spec, String message) {
        assertThatThrownBy(() -> Mount.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theRecordItselfRefusesWhatParseRefuses() {
        assertThatThrownBy(() -> Mount.bind("relative", "/x")).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> Mount.anonymousVolume("/x").asReadOnly())
                .hasMessageContaining("must not set ReadOnly mode when using anonymous volumes");
        assertThatThrownBy(() -> Mount.volume("", "/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mount.bind("/a:b", "/x")).hasMessageContaining("':'");
        assertThatThrownBy(() -> Mount.bind("/a", "/x\ny")).hasMessageContaining("control character");
        assertThatThrownBy(() -> Mount.bind("/a", "/x").withOption("ro")).hasMessageContaining("asReadOnly");
        assertThatThrownBy(() -> new Mount(Mount.Type.BIND, "/a", "/x", false, List.of("z", "Z")))
                .hasMessageContaining("at most one option of each kind");
    }

    @Test
    void unicodeAndHugeInputOnlyEverGiveShortIllegalArgumentExceptions() {
        assertThat(Mount.parse("/données/模型:/données").source()).isEqualTo("/données/模型");
        assertThatThrownBy(() -> Mount.parse("modèle:/m")).hasMessageContaining("invalid characters");
        assertThatThrownBy(() -> Mount.parse("/a:/b\u0000c")).hasMessageContaining("\\u0000");
        assertThatThrownBy(() -> Mount.parse("\u202e/a:/b")).isInstanceOf(IllegalArgumentException.class);
        String huge = "v".repeat(1_000_000) + " :/x";
        assertThatThrownBy(() -> Mount.parse(huge)).isInstanceOf(IllegalArgumentException.class)
                .matches(e -> e.getMessage().length() < 600, "short");
        assertThatThrownBy(() -> Mount.parse(":".repeat(1_000_000))).isInstanceOf(IllegalArgumentException.class)
                .matches(e -> e.getMessage().length() < 600, "short");
    }

    @Test
    void toStringIsVSyntaxThatReadsBack() {
        for (String spec : List.of("/data:/data:ro", "model-cache:/models", "/scratch", "/tmp:/x:ro,z,shared",
                "vol:/x:nocopy")) {
            Mount m = Mount.parse(spec);
            assertThat(m).hasToString(spec);
            assertThat(Mount.parse(m.toString())).isEqualTo(m);
        }
    }
}
