package io.github.gpuenv.report;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One field of the report: either {@link Known} (a value and the probe that established it) or {@link Unknown}
 * (a {@link Reason} and a detail sentence). Java 17 callers need no pattern matching:
 *
 * <p>{@code String driver = report.nvidia().map(NvidiaDriver::driverVersion).orElse("none");}
 *
 * @param <T> the value's type
 */
public sealed interface Fact<T> permits Fact.Known, Fact.Unknown {

    /** A fact a probe established. */
    static <T> Fact<T> known(T value, String probe) {
        return new Known<>(value, probe);
    }

    /** A fact that could not be established, and why. */
    static <T> Fact<T> unknown(Reason reason, String detail) {
        return new Unknown<>(reason, detail);
    }

    /** True for {@link Known}. */
    boolean isKnown();

    /**
     * The value.
     *
     * @throws NoSuchElementException for an unknown fact; the message names the reason and detail
     */
    T value();

    /** The value, or {@code other} when unknown. */
    default T orElse(T other) {
        return isKnown() ? value() : other;
    }

    /** The value as an {@link Optional}. */
    default Optional<T> toOptional() {
        return isKnown() ? Optional.ofNullable(value()) : Optional.empty();
    }

    /**
     * Like {@link Optional#map}: a known fact with {@code mapper} applied; an unknown stays unknown with the same
     * reason. When {@code mapper} returns {@code null} (the part is absent, as
     * {@code wsl().map(WslEnvironment::version)} outside WSL) the result is unknown with {@link Reason#NOT_APPLICABLE}
     * and a detail naming the probe.
     */
    @SuppressWarnings("unchecked")
    default <U> Fact<U> map(Function<? super T, ? extends U> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        if (this instanceof Known<T> known) {
            U mapped = mapper.apply(known.value());
            return mapped == null ? new Unknown<>(Reason.NOT_APPLICABLE, "the fact is known (from " + known.probe()
                    + ") but has no such value") : new Known<>(mapped, known.probe());
        }
        return (Fact<U>) this;
    }

    /** The reason, when unknown. */
    default Optional<Reason> unknownReason() {
        return this instanceof Unknown<T> unknown ? Optional.of(unknown.reason()) : Optional.empty();
    }

    /** A short human sentence: the value's probe, or the reason and detail. */
    String describe();

    /**
     * A fact with a value.
     *
     * @param value the value; never null
     * @param probe the id of the probe that established it, e.g. {@code "nvml"}
     */
    record Known<T>(T value, String probe) implements Fact<T> {
        public Known {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(probe, "probe");
        }

        @Override
        public boolean isKnown() {
            return true;
        }

        @Override
        public String describe() {
            return "from " + probe;
        }
    }

    /**
     * A fact without a value.
     *
     * @param reason why
     * @param detail what was seen, in one sentence
     */
    record Unknown<T>(Reason reason, String detail) implements Fact<T> {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }

        @Override
        public boolean isKnown() {
            return false;
        }

        @Override
        public T value() {
            throw new NoSuchElementException("unknown (" + reason.id() + "): " + detail);
        }

        @Override
        public String describe() {
            return reason.id() + (detail.isEmpty() ? "" : ": " + detail);
        }
    }
}
