package io.github.gpuenv.docker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoCsvTest {

    @Test
    void readsQuotedAndPlainFields() {
        assertThat(GoCsv.readRecord("all")).containsExactly("all");
        assertThat(GoCsv.readRecord("\"device=0,2\",capabilities=compute")).containsExactly("device=0,2",
                "capabilities=compute");
        assertThat(GoCsv.readRecord("a,,b")).containsExactly("a", "", "b");
        assertThat(GoCsv.readRecord("\"say \"\"hi\"\"\"")).containsExactly("say \"hi\"");
        assertThat(GoCsv.readRecord("\n\nx,y\nz")).containsExactly("x", "y");
    }

    @Test
    void rejectsWhatGoRejects() {
        assertThatThrownBy(() -> GoCsv.readRecord("")).hasMessage("EOF");
        assertThatThrownBy(() -> GoCsv.readRecord("a\"b")).hasMessageContaining("bare \" in non-quoted-field");
        assertThatThrownBy(() -> GoCsv.readRecord("\"abc")).hasMessageContaining("extraneous or missing \"");
        assertThatThrownBy(() -> GoCsv.readRecord("\"a\"b")).hasMessageContaining("extraneous or missing \"");
    }
}
