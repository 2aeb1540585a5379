package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.CudaRequirement.Constraint;
import io.github.gpuenv.spi.NvidiaRequireCudaParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaRequireCudaParserTest {

    @Test
    void readsTheH200ImageRequirement() {
        CudaRequirement r = NvidiaRequireCudaParser.parse(H200.requireCuda());

        assertThat(r.raw()).isEqualTo(H200.requireCuda());
        // cuda>=13.0, then 12 brands for each of the 535, 550, 565, 570 and 575 branches
        assertThat(r.alternatives()).hasSize(1 + 12 * 5);
        assertThat(r.alternatives().get(0)).containsExactly(new Constraint("cuda", ">=", "13.0"));
        assertThat(r.alternatives().get(1)).containsExactly(new Constraint("brand", "=", "unknown"),
                new Constraint("driver", ">=", "535"), new Constraint("driver", "<", "536"));
        assertThat(r.alternatives().get(60)).containsExactly(new Constraint("brand", "=", "cloudgaming"),
                new Constraint("driver", ">=", "575"), new Constraint("driver", "<", "576"));
    }

    @Test
    void readsEveryOperator() {
        CudaRequirement r = NvidiaRequireCudaParser.parse("cuda=12.0,cuda==12.0,arch!=8.0,driver<1,driver<=2,driver>3,driver>=4");

        assertThat(r.alternatives()).hasSize(1);
        assertThat(r.alternatives().get(0)).extracting(Constraint::operator)
                .containsExactly("=", "==", "!=", "<", "<=", ">", ">=");
    }

    @Test
    void toleratesExtraSpacesTabsAndCase() {
        CudaRequirement r = NvidiaRequireCudaParser.parse("  CUDA>=12.4 \t brand=tesla,driver>=470  ");

        assertThat(r.alternatives()).containsExactly(List.of(new Constraint("cuda", ">=", "12.4")),
                List.of(new Constraint("brand", "=", "tesla"), new Constraint("driver", ">=", "470")));
    }

    @Test
    void dropsJunkConstraintsButKeepsTheRest() {
        CudaRequirement r = NvidiaRequireCudaParser.parse("cuda>>12 colour=blue,driver>=470 ,,, >=5 cuda>= driver");

        assertThat(r.alternatives()).containsExactly(List.of(new Constraint("driver", ">=", "470")));
    }

    @Test
    void emptyNullAndBinaryGiveNoAlternatives() {
        assertThat(NvidiaRequireCudaParser.parse("").alternatives()).isEmpty();
        assertThat(NvidiaRequireCudaParser.parse(null).alternatives()).isEmpty();
        assertThat(NvidiaRequireCudaParser.parse(null).raw()).isEmpty();
        byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, 10, 13, 0x7f};
        assertThat(NvidiaRequireCudaParser.parse(new String(binary, StandardCharsets.UTF_8)).alternatives()).isEmpty();
    }

    @Test
    void aMegabyteValueIsBoundedNotFatal() {
        String huge = "cuda>=12.0 " + "x".repeat(1024 * 1024);

        CudaRequirement r = NvidiaRequireCudaParser.parse(huge);

        assertThat(r.alternatives()).containsExactly(List.of(new Constraint("cuda", ">=", "12.0")));
        assertThat(r.raw()).hasSize(huge.length());
    }
}
