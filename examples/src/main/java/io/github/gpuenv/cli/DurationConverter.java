package io.github.gpuenv.cli;

import io.github.gpuenv.config.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/** Converts {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, {@code PT3S} with core's one duration parser. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parseStrict(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
