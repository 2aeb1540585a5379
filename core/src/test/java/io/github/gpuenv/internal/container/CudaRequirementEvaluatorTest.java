package io.github.gpuenv.internal.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gpuenv.report.CudaRequirement;
import io.github.gpuenv.report.CudaRequirement.Constraint;
import io.github.gpuenv.spi.CudaRequirementEvaluator.Driver;
import io.github.gpuenv.spi.CudaRequirementEvaluator.Outcome;
import io.github.gpuenv.spi.CudaRequirementEvaluator.Verdict;
import io.github.gpuenv.spi.CudaRequirementEvaluator;
import io.github.gpuenv.spi.NvidiaRequireCudaParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class CudaRequirementEvaluatorTest {

    private static final CudaRequirement H200_IMAGE = NvidiaRequireCudaParser.parse(H200.requireCuda());

    @Test
    void theH200DriverMeetsItsImageThroughTheCudaAlternative() {
        Verdict v = CudaRequirementEvaluator.evaluate(H200_IMAGE, new Driver("580.159.04", "13.0", null, List.of("9.0")));

        assertThat(v.outcome()).isEqualTo(Outcome.SATISFIED);
        assertThat(v.satisfiedBy()).containsExactly(new Constraint("cuda", ">=", "13.0"));
    }

    @Test
    void anOlderDriverFailsOnCudaAndNamesTheFirstUnmetCondition() {
        Verdict v = CudaRequirementEvaluator.evaluate(H200_IMAGE, new Driver("560.35.03", "12.6", "tesla", List.of()));

        assertThat(v.outcome()).isEqualTo(Outcome.UNSATISFIED);
        assertThat(v.firstUnmet()).isEqualTo(new Constraint("cuda", ">=", "13.0"));
    }

    @Test
    void aBrandAlternativeHoldsWhenTheBrandIsKnown() {
        Verdict v = CudaRequirementEvaluator.evaluate(H200_IMAGE, new Driver("535.104.05", "12.2", "Tesla", List.of()));

        assertThat(v.outcome()).isEqualTo(Outcome.SATISFIED);
        assertThat(v.satisfiedBy()).containsExactly(new Constraint("brand", "=", "tesla"),
                new Constraint("driver", ">=", "535"), new Constraint("driver", "<", "536"));
    }

    @Test
    void anUnknownBrandCannotSatisfyButLeavesTheVerdictOpen() {
        Verdict v = CudaRequirementEvaluator.evaluate(H200_IMAGE, new Driver("535.104.05", "12.2", null, List.of()));

        assertThat(v.outcome()).isEqualTo(Outcome.NEEDS_BRAND_OR_ARCH);
        assertThat(v.firstUnmet()).isEqualTo(new Constraint("cuda", ">=", "13.0"));
        assertThat(v.openAlternative()).first().isEqualTo(new Constraint("brand", "=", "unknown"));
    }

    @Test
    void anUnknownBrandDoesNotHideAnotherAlternativeThatHolds() {
        CudaRequirement r = NvidiaRequireCudaParser.parse("brand=tesla,driver>=470 cuda>=12.0");

        Verdict v = CudaRequirementEvaluator.evaluate(r, new Driver("550.54.14", "12.4", null, List.of()));

        assertThat(v.outcome()).isEqualTo(Outcome.SATISFIED);
        assertThat(v.satisfiedBy()).containsExactly(new Constraint("cuda", ">=", "12.0"));
    }

    @Test
    void anUnknownCudaVersionIsUndecided() {
        Verdict v = CudaRequirementEvaluator.evaluate(H200_IMAGE, new Driver("", "", null, List.of()));

        assertThat(v.outcome()).isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void versionsCompareByNumberWithMissingPartsAsZero() {
        Driver d = new Driver("535.104.05", "12.2", null, List.of());

        assertThat(eval("driver>=535", d)).isEqualTo(Outcome.SATISFIED);
        assertThat(eval("driver<536", d)).isEqualTo(Outcome.SATISFIED);
        assertThat(eval("driver>535.104.5", d)).isEqualTo(Outcome.UNSATISFIED);
        assertThat(eval("cuda=12.2.0", d)).isEqualTo(Outcome.SATISFIED);
        assertThat(eval("cuda!=12.2", d)).isEqualTo(Outcome.UNSATISFIED);
        assertThat(eval("cuda<=12.10", d)).isEqualTo(Outcome.SATISFIED);
        assertThat(eval("cuda>12.10", d)).isEqualTo(Outcome.UNSATISFIED);
    }

    @Test
    void archHoldsOnlyWhenEveryGpuMeetsIt() {
        assertThat(eval("arch>=8.0", new Driver("580", "13.0", null, List.of("9.0", "8.6")))).isEqualTo(Outcome.SATISFIED);
        assertThat(eval("arch>=8.0", new Driver("580", "13.0", null, List.of("9.0", "7.5")))).isEqualTo(Outcome.UNSATISFIED);
        assertThat(eval("arch>=8.0", new Driver("580", "13.0", null, List.of()))).isEqualTo(Outcome.NEEDS_BRAND_OR_ARCH);
    }

    @Test
    void nothingReadableMeansNothingRequired() {
        assertThat(eval("garbage", new Driver("580", "13.0", null, List.of()))).isEqualTo(Outcome.NOTHING_REQUIRED);
    }

    private static Outcome eval(String requirement, Driver driver) {
        return CudaRequirementEvaluator.evaluate(NvidiaRequireCudaParser.parse(requirement), driver).outcome();
    }
}
