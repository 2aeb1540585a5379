package io.github.gpuenv.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every Docker CLI syntax parser of the workload options under many generated inputs — mutations of valid specs
 * with the syntax's own separators, digits, Unicode lookalikes (fullwidth digits, the Kelvin sign, RTL override),
 * control characters, lone surrogates, and repetitions up to 256 KiB: each input is either read (and then its
 * {@code toString()} reads back to an equal value) or refused with {@link IllegalArgumentException} and a message
 * of bounded length. Nothing else is ever thrown, and nothing hangs. Fixed seed: a failure reproduces.
 */
class WorkloadSyntaxPropertyTest {

    private static final int INPUTS = 4000;
    private static final String[] ALPHABET = {":", "/", ",", "=", "-", ".", "[", "]", " ", "0", "1", "9", "65535",
            "-1", "k", "g", "ib", "b", "ro", "rw", "z", "Z", "shared", "nocopy", "tcp", "udp", "::", "host",
            "container:", "e", "+", "é", "模", "😀", "\uD800", "\u0000", "\n", "\u202e", "\u212A", "０", "%", "\\"};

    private record Target(String name, List<String> seeds, Function<String, Object> parse,
                          Function<Object, Object> reparse) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("Mount", List.of("/data:/data:ro", "vol:/x:nocopy", "/scratch", "/a:/b:z,shared", "./d:/d"),
                    Mount::parse, m -> Mount.parse(m.toString())),
            new Target("PortBinding", List.of("127.0.0.1:8000:8000/tcp", "8080", "[::1]::53/udp", "8000-8010:80",
                    "9000-9001:90-91"), PortBinding::parseAll,
                    l -> ((List<?>) l).stream().map(p -> PortBinding.parse(p.toString())).toList()),
            new Target("Ulimit", List.of("memlock=-1", "stack=67108864", "nofile=1024:65536"), Ulimit::parse,
                    u -> Ulimit.parse(u.toString())),
            new Target("ByteSize", List.of("16g", "1GiB", "1.5k", "512", "1 g", "1e3"), ByteSize::parse,
                    b -> ByteSize.parse(b.toString())),
            new Target("IpcMode", List.of("host", "container:trainer-0", "shareable"), IpcMode::parse,
                    i -> IpcMode.parse(i.toString())),
            new Target("ExtraHost", List.of("db:10.0.0.5", "a=[::1]", "h:host-gateway", "v6:2001:db8::1"),
                    ExtraHost::parse, h -> ExtraHost.parse(h.toString())),
            new Target("cpus", List.of("1.5", "3/2", "1e-2", "0.000000001"),
                    t -> RunOptions.builder("img").cpus(t).build().nanoCpus().orElseThrow(), n -> n),
            new Target("cpuset", List.of("0-3,8", "0", "1,2"),
                    t -> RunOptions.builder("img").cpusetCpus(t).build().cpusetCpus().orElseThrow(), c -> c));

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyInputIsReadOrRefusedWithAShortIllegalArgumentException() {
        Random random = new Random(20261202L);
        for (Target target : TARGETS) {
            int read = 0;
            for (int i = 0; i < INPUTS; i++) {
                String input = mutate(random, target.seeds().get(random.nextInt(target.seeds().size())));
                Object value;
                try {
                    value = target.parse().apply(input);
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).as(target.name() + " message for input #" + i).isNotBlank()
                            .hasSizeLessThan(1200);
                    continue;
                } catch (RuntimeException | Error e) {
                    throw new AssertionError(target.name() + " threw " + e + " for " + escape(input), e);
                }
                read++;
                assertThat(target.reparse().apply(value)).as(target.name() + " round trip of " + escape(input))
                        .isEqualTo(value);
            }
            assertThat(read).as(target.name() + ": some generated inputs are valid (the generator reaches the"
                    + " accepting paths)").isPositive();
        }
    }

    private static String mutate(Random random, String seed) {
        StringBuilder s = new StringBuilder(seed);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            String piece = ALPHABET[random.nextInt(ALPHABET.length)];
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, piece);
                case 1 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < s.length()) {
                        s.replace(at, at + 1, piece);
                    }
                }
                default -> {
                    if (random.nextInt(20) == 0) {
                        s.insert(at, piece.repeat(1 + random.nextInt(64 * 1024)));
                    }
                }
            }
        }
        return s.toString();
    }

    private static String escape(String input) {
        String shown = input.length() > 200 ? input.substring(0, 200) + "…(" + input.length() + ")" : input;
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
